package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Paths;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

/** {@code client.async().experts()}: the expert registry calls, returning futures that always complete normally. */
public final class AsyncExpertsApi {
    static final String BASE = "/api/v1/experts";
    private final Transport transport;
    private final AsyncDraftsApi drafts;
    private final AsyncVersionsApi versions;

    /**
     * Used by the client; obtain through {@code client.async().experts()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncExpertsApi(Transport transport) {
        this.transport = transport;
        this.drafts = new AsyncDraftsApi(transport);
        this.versions = new AsyncVersionsApi(transport);
    }

    /**
     * Drafts of a scope.
     *
     * @return the drafts API
     */
    public AsyncDraftsApi drafts() {
        return drafts;
    }

    /**
     * Versions of a scope.
     *
     * @return the versions API
     */
    public AsyncVersionsApi versions() {
        return versions;
    }

    /**
     * {@code GET /experts} with server defaults.
     *
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListExpertsResponse>> list() {
        return list(ListExpertsParams.none(), RequestOptions.none());
    }

    /**
     * {@code GET /experts}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListExpertsResponse>> list(ListExpertsParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * {@code GET /experts}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListExpertsResponse>> list(ListExpertsParams params, RequestOptions options) {
        ListExpertsParams p = params == null ? ListExpertsParams.none() : params;
        Check check = Check.start();
        p.check(check);
        return transport.send(check, () -> Call.get(BASE, p.query(), options, ListExpertsResponse::read));
    }

    /**
     * {@code GET /experts/{key}}: {@code @org/name} (latest), {@code @org/name@1.2.3} or {@code @org/name@tag}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertDefinitionResponse>> get(String key) {
        return get(key, RequestOptions.none());
    }

    /**
     * {@code GET /experts/{key}}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertDefinitionResponse>> get(String key, RequestOptions options) {
        return transport.send(Check.start().key("key", key),
                () -> Call.get(BASE + "/" + Paths.scope(key), null, options, ExpertDefinitionResponse::read));
    }

    /**
     * {@code GET /experts/{key}/meta}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertMetaResponse>> getMeta(String key) {
        return getMeta(key, RequestOptions.none());
    }

    /**
     * {@code GET /experts/{key}/meta}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertMetaResponse>> getMeta(String key, RequestOptions options) {
        return transport.send(Check.start().key("key", key),
                () -> Call.get(BASE + "/" + Paths.scope(key) + "/meta", null, options, ExpertMetaResponse::read));
    }

    /**
     * {@code POST /experts/{scope}/publish}: makes the scope readable by every organization.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> publish(String scopeName) {
        return publish(scopeName, RequestOptions.none());
    }

    /**
     * {@code POST /experts/{scope}/publish}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> publish(String scopeName, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName),
                () -> Call.post(BASE + "/" + Paths.scope(scopeName) + "/publish", null, options, ExpertScopeResponse::read));
    }

    /**
     * {@code POST /experts/{scope}/unpublish}: makes the scope private again.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> unpublish(String scopeName) {
        return unpublish(scopeName, RequestOptions.none());
    }

    /**
     * {@code POST /experts/{scope}/unpublish}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> unpublish(String scopeName, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName),
                () -> Call.post(BASE + "/" + Paths.scope(scopeName) + "/unpublish", null, options, ExpertScopeResponse::read));
    }

    /**
     * {@code POST /experts/{key}/yank}: the key must name an exact version.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<YankResponse>> yank(String key) {
        return yank(key, RequestOptions.none());
    }

    /**
     * {@code POST /experts/{key}/yank}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<YankResponse>> yank(String key, RequestOptions options) {
        Check check = Check.start();
        ExpertChecks.exactVersionKey(check, key);
        return transport.send(check, () -> Call.post(BASE + "/" + Paths.scope(key) + "/yank", null, options, YankResponse::read));
    }

    /**
     * Every one of the expert scopes, fetched page after page as they are consumed; the filters and
     * sort of {@code params} apply to every page, its offset is where the first page starts and
     * its page size is that of every page.
     *
     * @param params filters, sort, first offset and page size, validated with each page's call
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertScope> listAll(ListExpertsParams params, RequestOptions options) {
        ListExpertsParams p = params == null ? ListExpertsParams.none() : params;
        return ai.perstack.client.AutoPager.of(p.offset(), p.limit(), (offset, size) -> {
            ListExpertsParams q = new ListExpertsParams(p.filter(), p.category(), p.includeDrafts(), size, offset);
            return list(q, options).thenApply(result -> result.map(r -> new ai.perstack.client.AutoPager.Page<>(r.data().experts(), r.meta())));
        });
    }

    /**
     * Every one of the expert scopes, page after page, with the server's page size.
     *
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertScope> listAll() {
        return listAll(ListExpertsParams.none(), RequestOptions.none());
    }
}
