package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Paths;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

/** {@code client.async().experts().versions()}: a scope's versions. */
public final class AsyncVersionsApi {
    private final Transport transport;

    /**
     * Used by the client; obtain through {@code client.async().experts().versions()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncVersionsApi(Transport transport) {
        this.transport = transport;
    }

    /**
     * {@code GET /experts/{scope}/versions}, newest first.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListVersionsResponse>> list(String scopeName) {
        return list(scopeName, RequestOptions.none());
    }

    /**
     * {@code GET /experts/{scope}/versions}, newest first.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListVersionsResponse>> list(String scopeName, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName),
                () -> Call.get(AsyncExpertsApi.BASE + "/" + Paths.scope(scopeName) + "/versions", null, options,
                        ListVersionsResponse::read));
    }
}
