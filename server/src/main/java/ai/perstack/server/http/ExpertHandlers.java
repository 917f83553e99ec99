package ai.perstack.server.http;

import ai.perstack.server.registry.DraftService;
import ai.perstack.server.registry.RegistryService;
import java.util.Map;

/** {@code /api/v1/experts}: the registry. A scope is two path segments, {@code @org} and {@code name}. */
final class ExpertHandlers {
    private final RegistryService registry;
    private final DraftService drafts;

    ExpertHandlers(RegistryService registry, DraftService drafts) {
        this.registry = registry;
        this.drafts = drafts;
    }

    Reply list(ApiRequest r) {
        QueryParams q = r.query("filter", "category", "includeDrafts", "limit", "offset");
        String filter = q.filter("filter");
        String category = q.string("category") == null ? null : q.oneOf("category", null, RegistryService.CATEGORIES);
        boolean includeDrafts = q.bool("includeDrafts", false);
        int limit = q.integer("limit", 20, 1, 100);
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        q.validate();
        return Reply.ok(Render.limitOffsetList("experts",
                registry.list(r.org(), filter, category, includeDrafts, limit, offset), Render::scope, limit, offset));
    }

    Reply get(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("definition", Render.definition(registry.get(r.org(), org(r), name(r)))));
    }

    Reply getMeta(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Map.of("data", Render.meta(registry.get(r.org(), org(r), name(r)))));
    }

    Reply publish(ApiRequest r) {
        r.body().validate();
        return Reply.ok(Render.item("scope", Render.scope(registry.publish(r.org(), org(r), name(r)))));
    }

    Reply unpublish(ApiRequest r) {
        r.body().validate();
        return Reply.ok(Render.item("scope", Render.scope(registry.unpublish(r.org(), org(r), name(r)))));
    }

    Reply yank(ApiRequest r) {
        r.body().validate();
        boolean moved = registry.yank(r.org(), org(r), name(r)).latestTagUpdated();
        return Reply.ok(Map.of("data", Map.of("yanked", true, "latestTagUpdated", moved)));
    }

    Reply versions(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.all("versions", registry.versions(r.org(), org(r), name(r)), Render::version));
    }

    Reply listDrafts(ApiRequest r) {
        QueryParams q = r.query("limit", "offset");
        int limit = q.integer("limit", 20, 1, 100);
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        q.validate();
        return Reply.ok(Render.limitOffsetList("drafts", drafts.list(r.org(), org(r), name(r), limit, offset),
                Render::draft, limit, offset));
    }

    Reply getDraft(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("draft", Render.draft(drafts.get(r.org(), org(r), name(r), r.path("draftRef")))));
    }

    Reply createDraft(ApiRequest r) {
        JsonBody body = r.body("applicationId", "experts", "category", "description");
        String applicationId = body.requiredString("applicationId");
        String category = body.string("category");
        String description = body.string("description");
        body.validate();
        return Reply.created(Render.item("draft", Render.draft(drafts.create(r.org(), org(r), name(r), applicationId,
                body.node("experts"), category, description))));
    }

    Reply updateDraft(ApiRequest r) {
        JsonBody body = r.body("experts").validate();
        return Reply.ok(Render.item("draft", Render.draft(drafts.update(r.org(), org(r), name(r),
                r.path("draftRef"), body.node("experts")))));
    }

    Reply deleteDraft(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("draft", Render.draft(drafts.delete(r.org(), org(r), name(r), r.path("draftRef")))));
    }

    Reply assignVersion(ApiRequest r) {
        JsonBody body = r.body("version", "tag");
        String version = body.requiredString("version");
        String tag = body.string("tag");
        body.validate();
        return Reply.created(Render.item("version", Render.version(drafts.assignVersion(r.org(), org(r), name(r),
                r.path("draftRef"), version, tag))));
    }

    private static String org(ApiRequest r) {
        return r.path("org");
    }

    private static String name(ApiRequest r) {
        return r.path("name");
    }
}
