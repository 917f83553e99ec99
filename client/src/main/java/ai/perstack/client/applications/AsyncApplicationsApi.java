package ai.perstack.client.applications;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/**
 * {@code client.async().applications()}: the application calls, returning futures that always
 * complete normally (failures are {@link ApiResult.Err}).
 */
public final class AsyncApplicationsApi {
    private static final String BASE = "/api/v1/applications";
    private final Transport transport;

    /**
     * Used by the client; obtain through {@code client.async().applications()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncApplicationsApi(Transport transport) {
        this.transport = transport;
    }

    /**
     * {@code GET /applications} with server defaults.
     *
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListApplicationsResponse>> list() {
        return list(ListApplicationsParams.none(), RequestOptions.none());
    }

    /**
     * {@code GET /applications}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListApplicationsResponse>> list(ListApplicationsParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * {@code GET /applications}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListApplicationsResponse>> list(ListApplicationsParams params, RequestOptions options) {
        ListApplicationsParams p = params == null ? ListApplicationsParams.none() : params;
        Check check = Check.start();
        p.check(check);
        return transport.send(check, () -> Call.get(BASE, p.query(), options, ListApplicationsResponse::read));
    }

    /**
     * {@code GET /applications/{id}}.
     *
     * @param id the application id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> get(String id) {
        return get(id, RequestOptions.none());
    }

    /**
     * {@code GET /applications/{id}}.
     *
     * @param id the application id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> get(String id, RequestOptions options) {
        return transport.send(Check.start().id("id", id),
                () -> Call.get(BASE + "/" + segment(id), null, options, ApplicationResponse::read));
    }

    /**
     * {@code POST /applications}.
     *
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> create(CreateApplicationInput input) {
        return create(input, RequestOptions.none());
    }

    /**
     * {@code POST /applications}.
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> create(CreateApplicationInput input, RequestOptions options) {
        Check check = Check.start().required("input", input);
        if (input != null) {
            check.length("name", input.name(), 1, 255);
            input.applicationGroupId().ifPresent(g -> check.id("applicationGroupId", g));
        }
        return transport.send(check, () -> Call.post(BASE, input.toJson(), options, ApplicationResponse::read));
    }

    /**
     * {@code POST /applications/{id}}.
     *
     * @param id the application id
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> update(String id, UpdateApplicationInput input) {
        return update(id, input, RequestOptions.none());
    }

    /**
     * {@code POST /applications/{id}}.
     *
     * @param id the application id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> update(String id, UpdateApplicationInput input, RequestOptions options) {
        Check check = Check.start().id("id", id).required("input", input);
        if (input != null) {
            input.name().ifPresent(n -> check.length("name", n, 1, 255));
        }
        return transport.send(check,
                () -> Call.post(BASE + "/" + segment(id), input.toJson(), options, ApplicationResponse::read));
    }

    /**
     * {@code DELETE /applications/{id}}.
     *
     * @param id the application id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> delete(String id) {
        return delete(id, RequestOptions.none());
    }

    /**
     * {@code DELETE /applications/{id}}.
     *
     * @param id the application id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ApplicationResponse>> delete(String id, RequestOptions options) {
        return transport.send(Check.start().id("id", id),
                () -> Call.delete(BASE + "/" + segment(id), options, ApplicationResponse::read));
    }

    /**
     * Every one of the applications, fetched page after page as they are consumed; the filters and
     * sort of {@code params} apply to every page, its offset is where the first page starts and
     * its page size is that of every page.
     *
     * @param params filters, sort, first offset and page size, validated with each page's call
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Application> listAll(ListApplicationsParams params, RequestOptions options) {
        ListApplicationsParams p = params == null ? ListApplicationsParams.none() : params;
        return ai.perstack.client.AutoPager.of(p.skip(), p.take(), (offset, size) -> {
            ListApplicationsParams q = new ListApplicationsParams(p.name(), p.sort(), p.order(), size, offset);
            return list(q, options).thenApply(result -> result.map(r -> new ai.perstack.client.AutoPager.Page<>(r.data().applications(), r.meta())));
        });
    }

    /**
     * Every one of the applications, page after page, with the server's page size.
     *
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Application> listAll() {
        return listAll(ListApplicationsParams.none(), RequestOptions.none());
    }
}
