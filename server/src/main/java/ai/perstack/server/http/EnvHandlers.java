package ai.perstack.server.http;

import ai.perstack.server.env.EnvEntry;
import ai.perstack.server.env.EnvService;
import ai.perstack.server.env.EnvService.Kind;
import java.util.function.Function;

/** {@code /api/v1/env/secrets} and {@code /api/v1/env/variables}: the same five calls for each kind. */
final class EnvHandlers {
    private final EnvService env;
    private final Kind kind;
    private final String singular;
    private final String plural;
    private final Function<EnvEntry, Object> render;

    EnvHandlers(EnvService env, Kind kind) {
        this.env = env;
        this.kind = kind;
        this.singular = kind == Kind.SECRET ? "secret" : "variable";
        this.plural = singular + "s";
        this.render = kind == Kind.SECRET ? Render::secret : Render::variable;
    }

    Reply list(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.all(plural, env.list(r.org(), kind), render));
    }

    Reply get(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item(singular, render.apply(env.get(r.org(), kind, r.path("name")))));
    }

    Reply create(ApiRequest r) {
        JsonBody body = r.body("name", "value");
        String name = body.requiredString("name");
        String value = body.requiredString("value");
        body.validate();
        return Reply.created(Render.item(singular, render.apply(env.create(r.org(), kind, name, value))));
    }

    Reply update(ApiRequest r) {
        JsonBody body = r.body("value");
        String value = body.requiredString("value");
        body.validate();
        return Reply.ok(Render.item(singular, render.apply(env.update(r.org(), kind, r.path("name"), value))));
    }

    Reply delete(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item(singular, render.apply(env.delete(r.org(), kind, r.path("name")))));
    }
}
