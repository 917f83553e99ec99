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

    /** Used by the client; obtain through {@code client.async().experts()}. */
    public AsyncExpertsApi(Transport transport) {
        this.transport = transport;
        this.drafts = new AsyncDraftsApi(transport);
        this.versions = new AsyncVersionsApi(transport);
    }

    /** Drafts of a scope. */
    public AsyncDraftsApi drafts() {
        return drafts;
    }

    /** Versions of a scope. */
    public AsyncVersionsApi versions() {
        return versions;
    }

    /** {@code GET /experts} with server defaults. */
    public CompletableFuture<ApiResult<ListExpertsResponse>> list() {
        return list(ListExpertsParams.none(), RequestOptions.none());
    }

    /** {@code GET /experts}. */
    public CompletableFuture<ApiResult<ListExpertsResponse>> list(ListExpertsParams params) {
        return list(params, RequestOptions.none());
    }

    /** {@code GET /experts}. */
    public CompletableFuture<ApiResult<ListExpertsResponse>> list(ListExpertsParams params, RequestOptions options) {
        ListExpertsParams p = params == null ? ListExpertsParams.none() : params;
        Check check = Check.start();
        p.check(check);
        return transport.send(check, () -> Call.get(BASE, p.query(), options, ListExpertsResponse::read));
    }

    /** {@code GET /experts/{key}}: {@code @org/name} (latest), {@code @org/name@1.2.3} or {@code @org/name@tag}. */
    public CompletableFuture<ApiResult<ExpertDefinitionResponse>> get(String key) {
        return get(key, RequestOptions.none());
    }

    /** {@code GET /experts/{key}}. */
    public CompletableFuture<ApiResult<ExpertDefinitionResponse>> get(String key, RequestOptions options) {
        return transport.send(Check.start().key("key", key),
                () -> Call.get(BASE + "/" + Paths.scope(key), null, options, ExpertDefinitionResponse::read));
    }

    /** {@code GET /experts/{key}/meta}. */
    public CompletableFuture<ApiResult<ExpertMetaResponse>> getMeta(String key) {
        return getMeta(key, RequestOptions.none());
    }

    /** {@code GET /experts/{key}/meta}. */
    public CompletableFuture<ApiResult<ExpertMetaResponse>> getMeta(String key, RequestOptions options) {
        return transport.send(Check.start().key("key", key),
                () -> Call.get(BASE + "/" + Paths.scope(key) + "/meta", null, options, ExpertMetaResponse::read));
    }

    /** {@code POST /experts/{scope}/publish}: makes the scope readable by every organization. */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> publish(String scopeName) {
        return publish(scopeName, RequestOptions.none());
    }

    /** {@code POST /experts/{scope}/publish}. */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> publish(String scopeName, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName),
                () -> Call.post(BASE + "/" + Paths.scope(scopeName) + "/publish", null, options, ExpertScopeResponse::read));
    }

    /** {@code POST /experts/{scope}/unpublish}: makes the scope private again. */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> unpublish(String scopeName) {
        return unpublish(scopeName, RequestOptions.none());
    }

    /** {@code POST /experts/{scope}/unpublish}. */
    public CompletableFuture<ApiResult<ExpertScopeResponse>> unpublish(String scopeName, RequestOptions options) {
        return transport.send(Check.start().scope("scopeName", scopeName),
                () -> Call.post(BASE + "/" + Paths.scope(scopeName) + "/unpublish", null, options, ExpertScopeResponse::read));
    }

    /** {@code POST /experts/{key}/yank}: the key must name an exact version. */
    public CompletableFuture<ApiResult<YankResponse>> yank(String key) {
        return yank(key, RequestOptions.none());
    }

    /** {@code POST /experts/{key}/yank}. */
    public CompletableFuture<ApiResult<YankResponse>> yank(String key, RequestOptions options) {
        Check check = Check.start();
        ExpertChecks.exactVersionKey(check, key);
        return transport.send(check, () -> Call.post(BASE + "/" + Paths.scope(key) + "/yank", null, options, YankResponse::read));
    }
}
