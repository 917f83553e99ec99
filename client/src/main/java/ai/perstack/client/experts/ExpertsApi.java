package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/** {@code client.experts()}: list, get and publish expert scopes, yank versions; drafts and versions below. Blocking; never throws for API failures. */
public final class ExpertsApi {
    private final AsyncExpertsApi async;
    private final DraftsApi drafts;
    private final VersionsApi versions;

    /**
     * Used by the client.
     *
     * @param async the asynchronous API that this one waits on
     */
    public ExpertsApi(AsyncExpertsApi async) {
        this.async = async;
        this.drafts = new DraftsApi(async.drafts());
        this.versions = new VersionsApi(async.versions());
    }

    /**
     * Drafts of a scope.
     *
     * @return the drafts API
     */
    public DraftsApi drafts() {
        return drafts;
    }

    /**
     * Versions of a scope.
     *
     * @return the versions API
     */
    public VersionsApi versions() {
        return versions;
    }

    /**
     * {@code GET /experts} with server defaults.
     *
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListExpertsResponse> list() {
        return async.list().join();
    }

    /**
     * {@code GET /experts}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListExpertsResponse> list(ListExpertsParams params) {
        return async.list(params).join();
    }

    /**
     * {@code GET /experts}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListExpertsResponse> list(ListExpertsParams params, RequestOptions options) {
        return async.list(params, options).join();
    }

    /**
     * {@code GET /experts/{key}}: {@code @org/name} (latest), {@code @org/name@1.2.3} or {@code @org/name@tag}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertDefinitionResponse> get(String key) {
        return async.get(key).join();
    }

    /**
     * {@code GET /experts/{key}}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertDefinitionResponse> get(String key, RequestOptions options) {
        return async.get(key, options).join();
    }

    /**
     * {@code GET /experts/{key}/meta}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertMetaResponse> getMeta(String key) {
        return async.getMeta(key).join();
    }

    /**
     * {@code GET /experts/{key}/meta}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertMetaResponse> getMeta(String key, RequestOptions options) {
        return async.getMeta(key, options).join();
    }

    /**
     * {@code POST /experts/{scope}/publish}: makes the scope readable by every organization.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertScopeResponse> publish(String scopeName) {
        return async.publish(scopeName).join();
    }

    /**
     * {@code POST /experts/{scope}/publish}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertScopeResponse> publish(String scopeName, RequestOptions options) {
        return async.publish(scopeName, options).join();
    }

    /**
     * {@code POST /experts/{scope}/unpublish}: makes the scope private again.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertScopeResponse> unpublish(String scopeName) {
        return async.unpublish(scopeName).join();
    }

    /**
     * {@code POST /experts/{scope}/unpublish}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertScopeResponse> unpublish(String scopeName, RequestOptions options) {
        return async.unpublish(scopeName, options).join();
    }

    /**
     * {@code POST /experts/{key}/yank}: the key must name an exact version.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<YankResponse> yank(String key) {
        return async.yank(key).join();
    }

    /**
     * {@code POST /experts/{key}/yank}.
     *
     * @param key the expert key, e.g. {@code @org/expert@1.0.0}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<YankResponse> yank(String key, RequestOptions options) {
        return async.yank(key, options).join();
    }

    /**
     * Every one of the expert scopes, fetched page after page as they are consumed (blocking on each
     * page; a failed page throws its {@link ai.perstack.client.PerstackException}).
     *
     * @param params filters, sort, first offset and page size
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertScope> listAll(ListExpertsParams params, RequestOptions options) {
        return async.listAll(params, options);
    }

    /**
     * Every one of the expert scopes, page after page, with the server's page size.
     *
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertScope> listAll() {
        return async.listAll();
    }
}
