package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static ai.perstack.server.Experts.assign;
import static ai.perstack.server.Experts.draft;
import static ai.perstack.server.Experts.expert;
import static ai.perstack.server.Experts.publishVersions;
import static org.assertj.core.api.Assertions.assertThat;

class ExpertsRegistryTest extends ApiTest {

    private String scope(Api api, String name) {
        return "/api/v1/experts/@" + api.org() + "/" + name;
    }

    @Test
    void draftCreateMakesAPrivateScope() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        Res res = expect(api.post(scope(api, "writer") + "/drafts",
                Map.of("applicationId", app, "experts", List.of(expert("main")), "category", "writing")), 201);
        JsonNode draft = res.data("draft");
        assertThat(draft.get("scopeName").asText()).isEqualTo("@" + api.org() + "/writer");
        assertThat(draft.get("applicationId").asText()).isEqualTo(app);
        assertThat(draft.get("experts").get(0).get("key").asText()).isEqualTo("main");
        JsonNode listed = expect(api.get("/api/v1/experts?includeDrafts=true"), 200).data("experts").get(0);
        assertThat(listed.get("visibility").asText()).isEqualTo("private");
        assertThat(listed.get("category").asText()).isEqualTo("writing");
        assertThat(listed.has("latestVersion")).isFalse();
    }

    @Test
    void draftsCanBeListedReadUpdatedAndDeleted() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d1 = draft(api, app, "s");
        String d2 = draft(api, app, "s");
        Res list = expect(api.get(scope(api, "s") + "/drafts?limit=1"), 200);
        assertThat(list.data("drafts").size()).isEqualTo(1);
        assertThat(list.json().get("meta").get("total").asInt()).isEqualTo(2);
        assertThat(list.json().get("meta").get("limit").asInt()).isEqualTo(1);
        assertThat(list.json().get("meta").get("offset").asInt()).isEqualTo(0);
        expect(api.get(scope(api, "s") + "/drafts/" + d1), 200);
        Res updated = expect(api.post(scope(api, "s") + "/drafts/" + d1,
                Map.of("experts", List.of(expert("main", "helper"), expert("helper")))), 200);
        assertThat(updated.data("draft").get("experts").size()).isEqualTo(2);
        expect(api.delete(scope(api, "s") + "/drafts/" + d2), 200);
        expect(api.get(scope(api, "s") + "/drafts/" + d2), 404);
    }

    @Test
    void draftValidationNamesEachFailingField() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        Map<String, Object> bad = Map.of("key", "Bad Key", "name", "", "instruction", "", "surprise", 1);
        Res res = expect(api.post(scope(api, "s") + "/drafts", Map.of("applicationId", app, "experts", List.of(bad))), 400);
        assertThat(res.reason().has("experts[0].key")).isTrue();
        assertThat(res.reason().has("experts[0].name")).isTrue();
        assertThat(res.reason().has("experts[0].instruction")).isTrue();
        assertThat(res.reason().has("experts[0].surprise")).isTrue();
        expectInvalid(api.post(scope(api, "s") + "/drafts", Map.of("applicationId", app, "experts", List.of())), "experts");
        expectInvalid(api.post(scope(api, "s") + "/drafts", Map.of("experts", List.of(expert("m")))), "applicationId");
        expectInvalid(api.post(scope(api, "s") + "/drafts",
                Map.of("applicationId", "abcdefghijklmnopqrstuvwx", "experts", List.of(expert("m")))), "applicationId");
        expectInvalid(api.post(scope(api, "s") + "/drafts",
                Map.of("applicationId", app, "experts", List.of(expert("m")), "category", "poetry")), "category");
        expectInvalid(api.post(scope(api, "s") + "/drafts",
                Map.of("applicationId", app, "experts", List.of(expert("m"), expert("m")))), "experts[1].key");
    }

    @Test
    void scopeNamesAreValidated() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        expectInvalid(api.post("/api/v1/experts/@" + api.org() + "/Bad_Name/drafts",
                Map.of("applicationId", app, "experts", List.of(expert("m")))), "name");
        expectInvalid(api.post("/api/v1/experts/@someone-else/x/drafts",
                Map.of("applicationId", app, "experts", List.of(expert("m")))), "org");
        expectInvalid(api.get(scope(api, "x@1.0.0") + "/versions"), "name");
        expectInvalid(api.get("/api/v1/experts/org/x"), "org");
    }

    @Test
    void assignVersionFreezesTheDraftAndMovesLatest() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d = draft(api, app, "s");
        JsonNode v = expect(assign(api, "s", d, "1.0.0", null), 201).data("version");
        assertThat(v.get("version").asText()).isEqualTo("1.0.0");
        assertThat(v.get("tag").asText()).isEqualTo("latest");
        assertThat(v.get("tags").findValuesAsText("")).isEmpty();
        assertThat(v.get("tags").get(0).asText()).isEqualTo("latest");
        assertThat(v.get("yanked").asBoolean()).isFalse();
        // changing the draft does not change the version
        expect(api.post(scope(api, "s") + "/drafts/" + d, Map.of("experts", List.of(expert("changed")))), 200);
        JsonNode def = expect(api.get(scope(api, "s")), 200).data("definition");
        assertThat(def.get("version").asText()).isEqualTo("1.0.0");
        assertThat(def.get("experts").get(0).get("key").asText()).isEqualTo("main");
        expect(assign(api, "s", d, "1.1.0", null), 201);
        assertThat(api.get(scope(api, "s")).data("definition").get("version").asText()).isEqualTo("1.1.0");
        assertThat(api.get(scope(api, "s@1.0.0")).data("definition").get("experts").get(0).get("key").asText()).isEqualTo("main");
        assertThat(api.get(scope(api, "s@1.1.0")).data("definition").get("experts").get(0).get("key").asText()).isEqualTo("changed");
    }

    @Test
    void versionsAreWriteOnce() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d = publishVersions(api, app, "s", "1.0.0");
        expect(assign(api, "s", d, "1.0.0", null), 409);
    }

    @Test
    void versionsMustBeSemverAndIncreasing() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d = publishVersions(api, app, "s", "1.2.0");
        expectInvalid(assign(api, "s", d, "1.2", null), "version");
        expectInvalid(assign(api, "s", d, "v1.3.0", null), "version");
        expectInvalid(assign(api, "s", d, "01.3.0", null), "version");
        expectInvalid(assign(api, "s", d, "1.1.9", null), "version");
        expectInvalid(assign(api, "s", d, "1.2.0-rc.1", null), "version");
        expectInvalid(assign(api, "s", d, "1.2.0+build.5", null), "version");
        expect(assign(api, "s", d, "1.3.0-rc.1", "next"), 201);
        expect(assign(api, "s", d, "1.3.0-rc.2", "next"), 201);
        expect(assign(api, "s", d, "1.3.0", null), 201);
        expectInvalid(assign(api, "s", d, "1.4.0", "Bad Tag"), "tag");
    }

    @Test
    void tagsMoveAndVersionsListTheirTags() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d = publishVersions(api, app, "s", "1.0.0");
        JsonNode beta = expect(assign(api, "s", d, "2.0.0-beta.1", "beta"), 201).data("version");
        assertThat(beta.get("tag").asText()).isEqualTo("beta");
        // latest stays on 1.0.0 because 2.0.0-beta.1 was given another tag
        assertThat(api.get(scope(api, "s")).data("definition").get("version").asText()).isEqualTo("1.0.0");
        assertThat(api.get(scope(api, "s@beta")).data("definition").get("version").asText()).isEqualTo("2.0.0-beta.1");
        expect(assign(api, "s", d, "2.0.0-beta.2", "beta"), 201);
        assertThat(api.get(scope(api, "s@beta")).data("definition").get("version").asText()).isEqualTo("2.0.0-beta.2");
        JsonNode versions = expect(api.get(scope(api, "s") + "/versions"), 200).data("versions");
        assertThat(versions.findValuesAsText("version")).containsExactly("2.0.0-beta.2", "2.0.0-beta.1", "1.0.0");
        assertThat(versions.get(0).get("tags").get(0).asText()).isEqualTo("beta");
        assertThat(versions.get(1).get("tags").size()).isZero();
        assertThat(versions.get(1).has("tag")).isFalse();
        assertThat(versions.get(2).get("tag").asText()).isEqualTo("latest");
        // latest can be given explicitly to a new (hence newest) version
        expect(assign(api, "s", d, "2.0.0", "latest"), 201);
        assertThat(api.get(scope(api, "s")).data("definition").get("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void keyThatNamesNoVersionIs404() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        draft(api, app, "empty");
        expect(api.get(scope(api, "empty")), 404);
        publishVersions(api, app, "s", "1.0.0");
        expect(api.get(scope(api, "s@2.0.0")), 404);
        expect(api.get(scope(api, "s@nosuchtag")), 404);
        expect(api.get(scope(api, "unknown")), 404);
        expectInvalid(api.get(scope(api, "s@1.0")), "name");
    }

    @Test
    void getMetaDescribesTheResolvedVersion() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        publishVersions(api, app, "s", "1.0.0");
        JsonNode meta = expect(api.get(scope(api, "s") + "/meta"), 200).data();
        assertThat(meta.get("scope").asText()).isEqualTo("@" + api.org() + "/s");
        assertThat(meta.get("version").asText()).isEqualTo("1.0.0");
        assertThat(meta.get("tag").asText()).isEqualTo("latest");
        assertThat(meta.get("yanked").asBoolean()).isFalse();
        assertThat(meta.get("visibility").asText()).isEqualTo("private");
        assertThat(meta.get("createdAt").asText()).isNotBlank();
    }

    @Test
    void yankMovesLatestToNewestRemainingVersion() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        publishVersions(api, app, "s", "1.0.0", "1.1.0", "1.2.0");
        JsonNode yank = expect(api.post(scope(api, "s@1.2.0") + "/yank", null), 200).data();
        assertThat(yank.get("yanked").asBoolean()).isTrue();
        assertThat(yank.get("latestTagUpdated").asBoolean()).isTrue();
        assertThat(api.get(scope(api, "s")).data("definition").get("version").asText()).isEqualTo("1.1.0");
        JsonNode yanked = expect(api.get(scope(api, "s@1.2.0")), 200).data("definition");
        assertThat(yanked.get("yanked").asBoolean()).isTrue();
        assertThat(yanked.get("tags").size()).isZero();
        // yanking a version that does not hold latest leaves latest alone
        JsonNode second = expect(api.post(scope(api, "s@1.0.0") + "/yank", null), 200).data();
        assertThat(second.get("latestTagUpdated").asBoolean()).isFalse();
        assertThat(api.get(scope(api, "s")).data("definition").get("version").asText()).isEqualTo("1.1.0");
    }

    @Test
    void yankingTheLastVersionRemovesLatest() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        publishVersions(api, app, "s", "1.0.0");
        assertThat(expect(api.post(scope(api, "s@1.0.0") + "/yank", null), 200).data().get("latestTagUpdated").asBoolean()).isTrue();
        expect(api.get(scope(api, "s")), 404);
        expect(api.get(scope(api, "s@1.0.0")), 200);
        expect(api.post(scope(api, "s@1.0.0") + "/yank", null), 409);
    }

    @Test
    void yankRequiresAnExactVersion() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        publishVersions(api, app, "s", "1.0.0");
        expectInvalid(api.post(scope(api, "s") + "/yank", null), "name");
        expectInvalid(api.post(scope(api, "s@latest") + "/yank", null), "name");
        expect(api.post(scope(api, "s@9.9.9") + "/yank", null), 404);
    }

    @Test
    void newVersionAfterYankMustStillBeGreater() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d = publishVersions(api, app, "s", "1.0.0", "2.0.0");
        expect(api.post(scope(api, "s@2.0.0") + "/yank", null), 200);
        expectInvalid(assign(api, "s", d, "1.5.0", null), "version");
        expect(assign(api, "s", d, "2.0.1", null), 201);
        assertThat(api.get(scope(api, "s")).data("definition").get("version").asText()).isEqualTo("2.0.1");
    }

    @Test
    void delegatesMustResolveAtAssignVersion() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        String d = draft(api, app, "team", expert("lead", "missing-member", "@" + api.org() + "/nothing"));
        Res res = expect(assign(api, "team", d, "1.0.0", null), 400);
        assertThat(res.reason().has("experts[0].delegates[0]")).isTrue();
        assertThat(res.reason().get("experts[0].delegates[1]").asText()).contains("@" + api.org() + "/nothing");
        publishVersions(api, app, "helper", "1.0.0");
        String ok = draft(api, app, "team2", expert("lead", "member", "@" + api.org() + "/helper"), expert("member"));
        expect(assign(api, "team2", ok, "1.0.0", null), 201);
    }

    @Test
    void publishedScopesAreReadableByOtherOrganizations() {
        Api owner = newOrg();
        Api other = newOrg();
        String app = createApplication(owner, "a");
        publishVersions(owner, app, "shared", "1.0.0");
        String path = scope(owner, "shared");
        expect(other.get(path), 404);
        JsonNode published = expect(owner.post(path + "/publish", null), 200).data("scope");
        assertThat(published.get("visibility").asText()).isEqualTo("public");
        assertThat(published.get("latestVersion").asText()).isEqualTo("1.0.0");
        assertThat(published.get("tags").get("latest").asText()).isEqualTo("1.0.0");
        expect(other.get(path), 200);
        expect(other.get(path + "/meta"), 200);
        expect(other.get(path + "/versions"), 200);
        assertThat(other.get("/api/v1/experts").data("experts").findValuesAsText("scopeName")).contains("@" + owner.org() + "/shared");
        // another organization can delegate to it
        String otherApp = createApplication(other, "b");
        String d = draft(other, otherApp, "user", expert("lead", "@" + owner.org() + "/shared@1.0.0"));
        expect(assign(other, "user", d, "1.0.0", null), 201);
        JsonNode unpublished = expect(owner.post(path + "/unpublish", null), 200).data("scope");
        assertThat(unpublished.get("visibility").asText()).isEqualTo("private");
        expect(other.get(path), 404);
    }

    @Test
    void listShowsOwnAndPublicScopesWithFilters() {
        Api api = newOrg();
        String app = createApplication(api, "a");
        publishVersions(api, app, "alpha-coder", "1.0.0");
        expect(api.post(scope(api, "beta") + "/drafts", Map.of("applicationId", app, "experts", List.of(expert("m")),
                "category", "research", "description", "Finds PAPERS")), 201);
        Res all = expect(api.get("/api/v1/experts?includeDrafts=true&limit=1&offset=0"), 200);
        assertThat(all.json().get("meta").get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(all.json().get("meta").get("limit").asInt()).isEqualTo(1);
        assertThat(all.data("experts").get(0).get("scopeName").asText()).isEqualTo("@" + api.org() + "/beta");
        List<String> versioned = api.get("/api/v1/experts?filter=" + api.org()).data("experts").findValuesAsText("scopeName");
        assertThat(versioned).containsExactly("@" + api.org() + "/alpha-coder");
        assertThat(api.get("/api/v1/experts?includeDrafts=true&filter=papers").data("experts").findValuesAsText("scopeName"))
                .containsExactly("@" + api.org() + "/beta");
        assertThat(api.get("/api/v1/experts?includeDrafts=true&category=research&filter=" + api.org())
                .data("experts").findValuesAsText("scopeName")).containsExactly("@" + api.org() + "/beta");
        expectInvalid(api.get("/api/v1/experts?category=poetry"), "category");
        expectInvalid(api.get("/api/v1/experts?limit=0"), "limit");
        expectInvalid(api.get("/api/v1/experts?includeDrafts=yes"), "includeDrafts");
    }
}
