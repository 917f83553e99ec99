package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/** {@code client.experts().versions()}: a scope's versions, newest first. Blocking. */
public final class VersionsApi {
    private final AsyncVersionsApi async;

    /**
     * Used by the client.
     *
     * @param async the asynchronous API that this one waits on
     */
    public VersionsApi(AsyncVersionsApi async) {
        this.async = async;
    }

    /**
     * {@code GET /experts/{scope}/versions}, newest first.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListVersionsResponse> list(String scopeName) {
        return async.list(scopeName).join();
    }

    /**
     * {@code GET /experts/{scope}/versions}, newest first.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListVersionsResponse> list(String scopeName, RequestOptions options) {
        return async.list(scopeName, options).join();
    }
}
