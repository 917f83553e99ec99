package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/** {@code client.experts().versions()}: a scope's versions, newest first. Blocking. */
public final class VersionsApi {
    private final AsyncVersionsApi async;

    /** Used by the client. */
    public VersionsApi(AsyncVersionsApi async) {
        this.async = async;
    }

    /** {@code GET /experts/{scope}/versions}, newest first. */
    public ApiResult<ListVersionsResponse> list(String scopeName) {
        return async.list(scopeName).join();
    }

    /** {@code GET /experts/{scope}/versions}, newest first. */
    public ApiResult<ListVersionsResponse> list(String scopeName, RequestOptions options) {
        return async.list(scopeName, options).join();
    }
}
