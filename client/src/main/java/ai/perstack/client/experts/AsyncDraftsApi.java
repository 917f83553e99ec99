package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Paths;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

/** {@code client.async().experts().drafts()}: the draft calls, returning futures that always complete normally. */
public final class AsyncDraftsApi {
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("^[a-z][a-z0-9._-]*$");
    private final Transport transport;

    /**
     * Used by the client; obtain through {@code client.async().experts().drafts()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncDraftsApi(Transport transport) {
        this.transport = transport;
    }

    private static String base(String scopeName) {
        return AsyncExpertsApi.BASE + "/" + Paths.scope(scopeName) + "/drafts";
    }

    private static String item(String scopeName, String draftRef) {
        return base(scopeName) + "/" + Paths.segment(draftRef);
    }

    /**
     * {@code GET /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListDraftsResponse>> list(String scopeName) {
        return list(scopeName, ListDraftsParams.none(), RequestOptions.none());
    }

    /**
     * {@code GET /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param params paging, sorting and filters, validated before they are sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListDraftsResponse>> list(String scopeName, ListDraftsParams params) {
        return list(scopeName, params, RequestOptions.none());
    }

    /**
     * {@code GET /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListDraftsResponse>> list(String scopeName, ListDraftsParams params, RequestOptions options) {
        ListDraftsParams p = params == null ? ListDraftsParams.none() : params;
        Check check = Check.start().scope("scopeName", scopeName);
        p.check(check);
        return transport.send(check, () -> Call.get(base(scopeName), p.query(), options, ListDraftsResponse::read));
    }

    /**
     * {@code GET /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> get(String scopeName, String draftRef) {
        return get(scopeName, draftRef, RequestOptions.none());
    }

    /**
     * {@code GET /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> get(String scopeName, String draftRef, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName).id("draftRef", draftRef),
                () -> Call.get(item(scopeName, draftRef), null, options, DraftResponse::read));
    }

    /**
     * {@code POST /experts/{scope}/drafts}: creates the scope (private) on first use.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> create(String scopeName, CreateDraftInput input) {
        return create(scopeName, input, RequestOptions.none());
    }

    /**
     * {@code POST /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> create(String scopeName, CreateDraftInput input, RequestOptions options) {
        Check check = Check.start().scope("scopeName", scopeName).required("input", input);
        if (input != null) {
            check.id("applicationId", input.applicationId()).length("description", input.description().orElse(null), 0, 2048);
            ExpertChecks.experts(check, input.experts());
        }
        return transport.send(check, () -> Call.post(base(scopeName), input.toJson(), options, DraftResponse::read));
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}}: replaces the draft's experts.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> update(String scopeName, String draftRef, UpdateDraftInput input) {
        return update(scopeName, draftRef, input, RequestOptions.none());
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> update(String scopeName, String draftRef, UpdateDraftInput input,
                                                              RequestOptions options) {
        Check check = Check.start().scope("scopeName", scopeName).id("draftRef", draftRef).required("input", input);
        if (input != null) {
            ExpertChecks.experts(check, input.experts());
        }
        return transport.send(check, () -> Call.post(item(scopeName, draftRef), input.toJson(), options, DraftResponse::read));
    }

    /**
     * {@code DELETE /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> delete(String scopeName, String draftRef) {
        return delete(scopeName, draftRef, RequestOptions.none());
    }

    /**
     * {@code DELETE /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<DraftResponse>> delete(String scopeName, String draftRef, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName).id("draftRef", draftRef),
                () -> Call.delete(item(scopeName, draftRef), options, DraftResponse::read));
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}/version}: promotes the draft to an immutable version.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertVersionResponse>> assignVersion(String scopeName, String draftRef,
                                                                             AssignVersionInput input) {
        return assignVersion(scopeName, draftRef, input, RequestOptions.none());
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}/version}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertVersionResponse>> assignVersion(String scopeName, String draftRef,
                                                                             AssignVersionInput input, RequestOptions options) {
        Check check = Check.start().scope("scopeName", scopeName).id("draftRef", draftRef).required("input", input);
        if (input != null) {
            check.matches("version", input.version(), Check.SEMVER, "must be a semantic version, e.g. 1.2.3");
            input.tag().ifPresent(t -> check.length("tag", t, 1, 64)
                    .matches("tag", t, TAG, "must match ^[a-z][a-z0-9._-]*$"));
        }
        return transport.send(check,
                () -> Call.post(item(scopeName, draftRef) + "/version", input.toJson(), options, ExpertVersionResponse::read));
    }

    /**
     * Every one of the drafts of a scope, fetched page after page as they are consumed; the filters and
     * sort of {@code params} apply to every page, its offset is where the first page starts and
     * its page size is that of every page.
     *
     * @param scopeName the expert scope name
     * @param params filters, sort, first offset and page size, validated with each page's call
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertDraft> listAll(String scopeName, ListDraftsParams params, RequestOptions options) {
        ListDraftsParams p = params == null ? ListDraftsParams.none() : params;
        return ai.perstack.client.AutoPager.of(p.offset(), p.limit(), (offset, size) -> {
            ListDraftsParams q = new ListDraftsParams(size, offset);
            return list(scopeName, q, options).thenApply(result -> result.map(r -> new ai.perstack.client.AutoPager.Page<>(r.data().drafts(), r.meta())));
        });
    }

    /**
     * Every one of the drafts of a scope, page after page, with the server's page size.
     *
     * @param scopeName the expert scope name
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertDraft> listAll(String scopeName) {
        return listAll(scopeName, ListDraftsParams.none(), RequestOptions.none());
    }
}
