package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationsApiTest extends ApiTest {

    @Test
    void createReturns201WithActiveApplication() {
        Api api = newOrg();
        Res res = expect(api.post("/api/v1/applications", Map.of("name", "My App", "applicationGroupId", "grp-1")), 201);
        JsonNode app = res.data("application");
        assertThat(app.get("id").asText()).matches("[a-z][a-z0-9]{23}");
        assertThat(app.get("name").asText()).isEqualTo("My App");
        assertThat(app.get("status").asText()).isEqualTo("active");
        assertThat(app.get("applicationGroupId").asText()).isEqualTo("grp-1");
        assertThat(app.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(res.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void getReturnsTheCreatedApplication() {
        Api api = newOrg();
        String id = createApplication(api, "one");
        Res res = expect(api.get("/api/v1/applications/" + id), 200);
        assertThat(res.data("application").get("name").asText()).isEqualTo("one");
    }

    @Test
    void unknownApplicationIs404() {
        expect(newOrg().get("/api/v1/applications/abcdefghijklmnopqrstuvwx"), 404);
    }

    @Test
    void duplicateNameIs409() {
        Api api = newOrg();
        createApplication(api, "dup");
        expect(api.post("/api/v1/applications", Map.of("name", "dup")), 409);
    }

    @Test
    void nameLengthIsValidated() {
        Api api = newOrg();
        expectInvalid(api.post("/api/v1/applications", Map.of("name", "")), "name");
        expectInvalid(api.post("/api/v1/applications", Map.of("name", "x".repeat(256))), "name");
        expectInvalid(api.post("/api/v1/applications", Map.of()), "name");
        expectInvalid(api.post("/api/v1/applications", Map.of("name", 5)), "name");
    }

    @Test
    void unknownBodyFieldIsRejected() {
        expectInvalid(newOrg().post("/api/v1/applications", Map.of("name", "a", "nmae", "b")), "nmae");
    }

    @Test
    void updateRenamesAndDeactivates() {
        Api api = newOrg();
        String id = createApplication(api, "before");
        JsonNode app = expect(api.post("/api/v1/applications/" + id, Map.of("name", "after", "status", "inactive")), 200)
                .data("application");
        assertThat(app.get("name").asText()).isEqualTo("after");
        assertThat(app.get("status").asText()).isEqualTo("inactive");
        assertThat(api.get("/api/v1/applications/" + id).data("application").get("status").asText()).isEqualTo("inactive");
    }

    @Test
    void updateRejectsUnknownStatus() {
        Api api = newOrg();
        String id = createApplication(api, "s");
        expectInvalid(api.post("/api/v1/applications/" + id, Map.of("status", "paused")), "status");
    }

    @Test
    void updateToATakenNameIs409() {
        Api api = newOrg();
        createApplication(api, "a");
        String b = createApplication(api, "b");
        expect(api.post("/api/v1/applications/" + b, Map.of("name", "a")), 409);
    }

    @Test
    void deleteReturnsTheDeletedApplicationAndRemovesIt() {
        Api api = newOrg();
        String id = createApplication(api, "gone");
        assertThat(expect(api.delete("/api/v1/applications/" + id), 200).data("application").get("id").asText()).isEqualTo(id);
        expect(api.get("/api/v1/applications/" + id), 404);
        expect(api.delete("/api/v1/applications/" + id), 404);
    }

    @Test
    void listPaginatesWithMeta() {
        Api api = newOrg();
        for (int i = 0; i < 5; i++) {
            createApplication(api, "app-" + i);
        }
        Res res = expect(api.get("/api/v1/applications?take=2&skip=1&sort=name&order=asc"), 200);
        assertThat(names(res)).containsExactly("app-1", "app-2");
        assertThat(res.json().get("meta").get("total").asInt()).isEqualTo(5);
        assertThat(res.json().get("meta").get("take").asInt()).isEqualTo(2);
        assertThat(res.json().get("meta").get("skip").asInt()).isEqualTo(1);
    }

    @Test
    void listDefaultsToNewestFirst() {
        Api api = newOrg();
        createApplication(api, "first");
        createApplication(api, "second");
        Res res = expect(api.get("/api/v1/applications"), 200);
        assertThat(names(res)).containsExactly("second", "first");
        assertThat(res.json().get("meta").get("take").asInt()).isEqualTo(20);
    }

    @Test
    void listFiltersByNameSubstringIgnoringCase() {
        Api api = newOrg();
        createApplication(api, "Alpha Service");
        createApplication(api, "beta");
        createApplication(api, "100%_done");
        assertThat(names(api.get("/api/v1/applications?name=ALPHA"))).containsExactly("Alpha Service");
        assertThat(names(api.get("/api/v1/applications?name=%25_"))).containsExactly("100%_done");
    }

    @Test
    void listValidatesParameters() {
        Api api = newOrg();
        expectInvalid(api.get("/api/v1/applications?take=0"), "take");
        expectInvalid(api.get("/api/v1/applications?take=101"), "take");
        expectInvalid(api.get("/api/v1/applications?skip=-1"), "skip");
        expectInvalid(api.get("/api/v1/applications?sort=status"), "sort");
        expectInvalid(api.get("/api/v1/applications?order=up"), "order");
        expectInvalid(api.get("/api/v1/applications?tkae=1"), "tkae");
    }

    private static List<String> names(Res res) {
        List<String> names = new ArrayList<>();
        res.data("applications").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }
}
