package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Captured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static ai.perstack.server.Experts.assign;
import static ai.perstack.server.Experts.draft;
import static ai.perstack.server.Experts.expert;
import static ai.perstack.server.Experts.publishVersions;
import static org.assertj.core.api.Assertions.assertThat;

/** Another organization's resource is a 404 (403 only for writes to its public scopes). */
class OrganizationIsolationTest extends ApiTest {

    @Test
    void applicationsOfAnotherOrganizationAreInvisible() {
        Api owner = newOrg();
        Api intruder = newOrg();
        String id = createApplication(owner, "private-app");
        expect(intruder.get("/api/v1/applications/" + id), 404);
        expect(intruder.post("/api/v1/applications/" + id, Map.of("name", "hijacked")), 404);
        expect(intruder.delete("/api/v1/applications/" + id), 404);
        assertThat(intruder.get("/api/v1/applications").json().get("meta").get("total").asInt()).isZero();
        // the same name is free in another organization
        createApplication(intruder, "private-app");
        assertThat(owner.get("/api/v1/applications/" + id).data("application").get("name").asText()).isEqualTo("private-app");
    }

    @Test
    void envEntriesOfAnotherOrganizationAreInvisible() {
        Api owner = newOrg();
        Api intruder = newOrg();
        expect(owner.post("/api/v1/env/secrets", Map.of("name", "TOKEN", "value", Captured.secretValue())), 201);
        expect(owner.post("/api/v1/env/variables", Map.of("name", "REGION", "value", "eu")), 201);
        expect(intruder.get("/api/v1/env/secrets/TOKEN"), 404);
        expect(intruder.post("/api/v1/env/secrets/TOKEN", Map.of("value", Captured.secretValue())), 404);
        expect(intruder.delete("/api/v1/env/secrets/TOKEN"), 404);
        expect(intruder.get("/api/v1/env/variables/REGION"), 404);
        expect(intruder.delete("/api/v1/env/variables/REGION"), 404);
        assertThat(intruder.get("/api/v1/env/secrets").data("secrets").size()).isZero();
        assertThat(intruder.get("/api/v1/env/variables").data("variables").size()).isZero();
        // the namespace is per organization
        expect(intruder.post("/api/v1/env/variables", Map.of("name", "TOKEN", "value", "mine")), 201);
        expect(owner.get("/api/v1/env/secrets/TOKEN"), 200);
    }

    @Test
    void privateScopesOfAnotherOrganizationAreInvisible() {
        Api owner = newOrg();
        Api intruder = newOrg();
        String app = createApplication(owner, "a");
        String d = publishVersions(owner, app, "secret-plan", "1.0.0");
        String path = "/api/v1/experts/@" + owner.org() + "/secret-plan";
        expect(intruder.get(path), 404);
        expect(intruder.get(path + "/meta"), 404);
        expect(intruder.get(path + "/versions"), 404);
        expect(intruder.get(path + "/drafts"), 404);
        expect(intruder.get(path + "/drafts/" + d), 404);
        // writes outside the caller's namespace are a 400 on "org", whether the scope exists or not
        expectInvalid(intruder.post(path + "/drafts/" + d, Map.of("experts", List.of(expert("x")))), "org");
        expectInvalid(intruder.delete(path + "/drafts/" + d), "org");
        expectInvalid(intruder.post(path + "/drafts/" + d + "/version", Map.of("version", "2.0.0")), "org");
        expectInvalid(intruder.post(path + "@1.0.0/yank", null), "org");
        expectInvalid(intruder.post(path + "/publish", null), "org");
        expectInvalid(intruder.post(path + "/unpublish", null), "org");
        expectInvalid(intruder.post("/api/v1/experts/@" + owner.org() + "/no-such-scope/publish", null), "org");
        String intruderApp = createApplication(intruder, "b");
        expectInvalid(intruder.post(path + "/drafts", Map.of("applicationId", intruderApp, "experts", List.of(expert("m")))), "org");
        assertThat(intruder.get("/api/v1/experts?includeDrafts=true").data("experts").findValuesAsText("scopeName"))
                .doesNotContain("@" + owner.org() + "/secret-plan");
        // nothing changed for the owner
        assertThat(owner.get(path).data("definition").get("version").asText()).isEqualTo("1.0.0");
        assertThat(owner.get(path + "/meta").data().get("visibility").asText()).isEqualTo("private");
    }

    @Test
    void writesToAnotherOrganizationsPublicScopeAre403() {
        Api owner = newOrg();
        Api intruder = newOrg();
        String app = createApplication(owner, "a");
        String d = publishVersions(owner, app, "open", "1.0.0");
        String path = "/api/v1/experts/@" + owner.org() + "/open";
        expect(owner.post(path + "/publish", null), 200);
        String intruderApp = createApplication(intruder, "b");
        expect(intruder.post(path + "/drafts", Map.of("applicationId", intruderApp, "experts", List.of(expert("m")))), 403);
        expect(intruder.post(path + "/drafts/" + d, Map.of("experts", List.of(expert("x")))), 403);
        expect(intruder.delete(path + "/drafts/" + d), 403);
        expect(intruder.post(path + "/drafts/" + d + "/version", Map.of("version", "2.0.0")), 403);
        expect(intruder.post(path + "@1.0.0/yank", null), 403);
        expect(intruder.post(path + "/unpublish", null), 403);
        expect(intruder.post(path + "/publish", null), 403);
        // drafts stay private to the owner even when the scope is public
        expect(intruder.get(path + "/drafts"), 404);
        assertThat(owner.get(path + "/meta").data().get("visibility").asText()).isEqualTo("public");
        assertThat(owner.get(path).data("definition").get("yanked").asBoolean()).isFalse();
        expect(assign(owner, "open", draft(owner, app, "open"), "1.1.0", null), 201);
    }
}
