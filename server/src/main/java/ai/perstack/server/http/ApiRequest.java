package ai.perstack.server.http;

import ai.perstack.server.domain.Organization;
import io.javalin.http.Context;
import java.util.Set;

/** An authenticated API request: the caller's organization, path and query parameters, and body. */
final class ApiRequest {
    private final Context ctx;
    private final Organization organization;
    private final byte[] body;
    private final JsonCodec json;

    ApiRequest(Context ctx, Organization organization, byte[] body, JsonCodec json) {
        this.ctx = ctx;
        this.organization = organization;
        this.body = body;
        this.json = json;
    }

    Organization org() {
        return organization;
    }

    String path(String name) {
        return ctx.pathParam(name);
    }

    /** The query parameters, restricted to {@code allowed} (others → 400). */
    QueryParams query(String... allowed) {
        return new QueryParams(ctx.queryParamMap(), Set.of(allowed));
    }

    /** The JSON body as an object accepting only {@code allowed} fields. */
    JsonBody body(String... allowed) {
        return JsonBody.parse(body, ctx.contentType(), json, Set.of(allowed));
    }
}
