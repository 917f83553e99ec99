package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a body may hold: lengths as the store counts them (UTF-16 units), text without lone
 * surrogates or NUL, and nesting no deeper than every response that carries it can render.
 * Whatever is accepted reads back unchanged.
 */
class InputBoundsTest extends ApiTest {
    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

    @Test
    void namesAreCountedInUtf16UnitsLikeTheStoreSoLongEmojiNamesAre400Not500() {
        Api api = newOrg();
        Res tooLong = api.post("/api/v1/applications", Map.of("name", EMOJI.repeat(128)));
        expectInvalid(tooLong, "name");
        assertThat(tooLong.reason().get("name").asText()).contains("1..255");
        String fits = EMOJI.repeat(127) + "x";
        String id = createApplication(api, fits);
        assertThat(expect(api.get("/api/v1/applications/" + id), 200).data("application").get("name").asText())
                .isEqualTo(fits);
    }

    @Test
    void aLoneSurrogateWrittenAsAJsonEscapeIs400NamingTheField() {
        Api api = newOrg();
        Res res = api.post("/api/v1/applications", "{\"name\":\"ab\\ud800cd\"}");
        expectInvalid(res, "name");
        assertThat(res.reason().get("name").asText()).contains("surrogate");
        Res nested = api.post("/api/v1/env/variables", "{\"name\":\"V1\",\"value\":\"x\\udc00\"}");
        expectInvalid(nested, "value");
        assertThat(expect(api.get("/api/v1/applications"), 200).data("applications")).isEmpty();
        // A correctly paired escape is one character and is kept.
        String id = expect(api.post("/api/v1/applications", "{\"name\":\"a\\ud83d\\ude00\"}"), 201)
                .data("application").get("id").asText();
        assertThat(api.get("/api/v1/applications/" + id).data("application").get("name").asText()).isEqualTo("a" + EMOJI);
    }

    @Test
    void nulInAnyStringOrFieldNameIs400() {
        Api api = newOrg();
        expectInvalid(api.post("/api/v1/applications", "{\"name\":\"a\\u0000b\"}"), "name");
        expectInvalid(api.post("/api/v1/env/secrets", "{\"name\":\"S1\",\"value\":\"x\\u0000y\"}"), "value");
        Res key = api.post("/api/v1/applications", "{\"name\":\"ok\",\"a\\u0000\":1}");
        expectInvalid(key, "body");
        assertThat(key.reason().get("body").asText()).startsWith("field names must not contain NUL");
        assertThat(expect(api.get("/api/v1/env/secrets"), 200).data("secrets")).isEmpty();
    }

    @Test
    void nestingBeyondTheInputBoundIs400AndEverythingAcceptedRenders() {
        Api api = newOrg();
        String applicationId = createApplication(api, "deep");
        String scope = "/api/v1/experts/@" + api.org() + "/deep/drafts";
        // Just under what a parser alone would take: the draft's responses wrap it in more levels.
        Res deep = api.post(scope, deepBody(applicationId, 990));
        expectInvalid(deep, "body");
        assertThat(deep.reason().get("body").asText()).contains("levels");
        expect(api.get(scope), 404); // nothing of it was created
        // A draft at the bound is refused too: the check counts levels before any field is read.
        expectInvalid(api.post(scope, deepBody(applicationId, 101)), "body");
        // A deeply nested tool schema (core keeps it as a JSON string) is accepted and comes back
        // in every response that carries it.
        Res ok = expect(api.post(scope, draft(applicationId, 90)), 201);
        String draftId = ok.data("draft").get("id").asText();
        expect(api.get(scope), 200);
        expect(api.get(scope + "/" + draftId), 200);
    }

    /** A draft body nested {@code depth} levels deep in one of its values. */
    private static String deepBody(String applicationId, int depth) {
        String value = "{\"x\":".repeat(depth) + "1" + "}".repeat(depth);
        return "{\"applicationId\":\"" + applicationId + "\",\"experts\":[{\"key\":\"main\",\"name\":\"main\","
                + "\"version\":\"1.0.0\",\"instruction\":\"Do.\",\"providerToolOptions\":" + value + "}]}";
    }

    /** A draft whose one expert's tool schema (a JSON string, as core has it) nests {@code depth} levels. */
    private static String draft(String applicationId, int depth) {
        String schema = "{\\\"type\\\":\\\"object\\\",\\\"x\\\":".repeat(depth) + "1" + "}".repeat(depth);
        return "{\"applicationId\":\"" + applicationId + "\",\"experts\":[{\"key\":\"main\",\"name\":\"main\","
                + "\"version\":\"1.0.0\",\"instruction\":\"Do.\",\"skills\":{\"ask\":{\"type\":\"interactiveSkill\","
                + "\"description\":\"Ask\",\"tools\":{\"t\":{\"description\":\"T\",\"inputJsonSchema\":\"" + schema
                + "\"}}}}}]}";
    }
}
