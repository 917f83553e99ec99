package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Captured;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvApiTest extends ApiTest {

    @Test
    void secretResponsesNeverContainTheValue() {
        Api api = newOrg();
        String value = Captured.secretValue();
        Res created = expect(api.post("/api/v1/env/secrets", Map.of("name", "API_TOKEN", "value", value)), 201);
        JsonNode secret = created.data("secret");
        assertThat(secret.get("name").asText()).isEqualTo("API_TOKEN");
        assertThat(secret.has("value")).isFalse();
        assertThat(created.text()).doesNotContain(value);
        assertThat(expect(api.get("/api/v1/env/secrets/API_TOKEN"), 200).text()).doesNotContain(value);
        assertThat(expect(api.get("/api/v1/env/secrets"), 200).text()).doesNotContain(value);
        String next = Captured.secretValue();
        assertThat(expect(api.post("/api/v1/env/secrets/API_TOKEN", Map.of("value", next)), 200).text()).doesNotContain(next);
        assertThat(expect(api.delete("/api/v1/env/secrets/API_TOKEN"), 200).data("secret").get("name").asText())
                .isEqualTo("API_TOKEN");
        expect(api.get("/api/v1/env/secrets/API_TOKEN"), 404);
    }

    @Test
    void variablesShowTheirValue() {
        Api api = newOrg();
        expect(api.post("/api/v1/env/variables", Map.of("name", "REGION", "value", "eu")), 201);
        assertThat(api.get("/api/v1/env/variables/REGION").data("variable").get("value").asText()).isEqualTo("eu");
        assertThat(expect(api.post("/api/v1/env/variables/REGION", Map.of("value", "us")), 200)
                .data("variable").get("value").asText()).isEqualTo("us");
        assertThat(api.delete("/api/v1/env/variables/REGION").data("variable").get("value").asText()).isEqualTo("us");
        expect(api.get("/api/v1/env/variables/REGION"), 404);
    }

    @Test
    void listsAreSortedByNameWithTotal() {
        Api api = newOrg();
        for (String name : new String[] {"ZED", "ALPHA", "MID"}) {
            expect(api.post("/api/v1/env/variables", Map.of("name", name, "value", "v")), 201);
        }
        expect(api.post("/api/v1/env/secrets", Map.of("name", "S1", "value", Captured.secretValue())), 201);
        Res vars = expect(api.get("/api/v1/env/variables"), 200);
        assertThat(vars.data("variables").findValuesAsText("name")).containsExactly("ALPHA", "MID", "ZED");
        assertThat(vars.json().get("meta").get("total").asInt()).isEqualTo(3);
        Res secrets = expect(api.get("/api/v1/env/secrets"), 200);
        assertThat(secrets.data("secrets").findValuesAsText("name")).containsExactly("S1");
        assertThat(secrets.json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void secretsAndVariablesShareOneNamespace() {
        Api api = newOrg();
        expect(api.post("/api/v1/env/secrets", Map.of("name", "SHARED", "value", Captured.secretValue())), 201);
        expect(api.post("/api/v1/env/variables", Map.of("name", "SHARED", "value", "x")), 409);
        expect(api.post("/api/v1/env/secrets", Map.of("name", "SHARED", "value", Captured.secretValue())), 409);
        expect(api.post("/api/v1/env/variables", Map.of("name", "OTHER", "value", "x")), 201);
        expect(api.post("/api/v1/env/secrets", Map.of("name", "OTHER", "value", Captured.secretValue())), 409);
        // the other kind's path does not see the entry
        expect(api.get("/api/v1/env/variables/SHARED"), 404);
        expect(api.delete("/api/v1/env/secrets/OTHER"), 404);
    }

    @Test
    void namesAndValuesAreValidated() {
        Api api = newOrg();
        expectInvalid(api.post("/api/v1/env/variables", Map.of("name", "1ABC", "value", "v")), "name");
        expectInvalid(api.post("/api/v1/env/variables", Map.of("name", "A-B", "value", "v")), "name");
        expectInvalid(api.post("/api/v1/env/variables", Map.of("name", "A".repeat(256), "value", "v")), "name");
        expectInvalid(api.post("/api/v1/env/variables", Map.of("name", "OK")), "value");
        expectInvalid(api.post("/api/v1/env/variables", Map.of("name", "OK", "value", "x".repeat(64 * 1024 + 1))), "value");
        expect(api.post("/api/v1/env/variables", Map.of("name", "_OK_1", "value", "x".repeat(64 * 1024))), 201);
        expectInvalid(api.post("/api/v1/env/secrets", Map.of("name", "S", "value", 42)), "value");
        expectInvalid(api.post("/api/v1/env/secrets/S", Map.of("value", "v", "name", "T")), "name");
        expectInvalid(api.get("/api/v1/env/secrets/bad-name"), "name");
    }

    @Test
    void validationErrorsNeverEchoASecretValue() {
        Api api = newOrg();
        String value = Captured.secretValue();
        Res res = expect(api.post("/api/v1/env/secrets", Map.of("name", "9BAD", "value", value, "extra", value)), 400);
        assertThat(res.text()).doesNotContain(value);
        Res malformed = expect(api.post("/api/v1/env/secrets", "{\"name\":\"A\",\"value\":\"" + value + "\" oops}"), 400);
        assertThat(malformed.text()).doesNotContain(value).doesNotContain("oops");
    }

    @Test
    void updatingAMissingEntryIs404() {
        Api api = newOrg();
        expect(api.post("/api/v1/env/secrets/NOPE", Map.of("value", Captured.secretValue())), 404);
        expect(api.post("/api/v1/env/variables/NOPE", Map.of("value", "v")), 404);
    }
}
