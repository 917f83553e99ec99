package ai.perstack.server.http;

import ai.perstack.server.applications.ApplicationService;
import ai.perstack.server.domain.PageRequest;

/** {@code /api/v1/applications}. */
final class ApplicationHandlers {
    private final ApplicationService applications;

    ApplicationHandlers(ApplicationService applications) {
        this.applications = applications;
    }

    Reply list(ApiRequest r) {
        QueryParams q = r.query("name", "sort", "order", "take", "skip");
        String name = q.filter("name");
        PageRequest page = q.page(ApplicationService.SORT_FIELDS, "createdAt", true);
        q.validate();
        return Reply.ok(Render.list("applications", applications.list(r.org(), name, page), Render::application,
                page.take(), page.skip()));
    }

    Reply get(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("application", Render.application(applications.get(r.org(), r.path("id")))));
    }

    Reply create(ApiRequest r) {
        JsonBody body = r.body("name", "applicationGroupId");
        String name = body.requiredString("name");
        String group = body.string("applicationGroupId");
        body.validate();
        return Reply.created(Render.item("application", Render.application(applications.create(r.org(), name, group))));
    }

    Reply update(ApiRequest r) {
        JsonBody body = r.body("name", "status");
        String name = body.string("name");
        String status = body.string("status");
        body.validate();
        return Reply.ok(Render.item("application",
                Render.application(applications.update(r.org(), r.path("id"), name, status))));
    }

    Reply delete(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("application", Render.application(applications.delete(r.org(), r.path("id")))));
    }
}
