package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Builders for expert definitions and registry calls used by the tests. */
final class Experts {
    private Experts() {
    }

    static Map<String, Object> expert(String key, String... delegates) {
        return Map.of("key", key, "name", key, "description", "does " + key,
                "instruction", "You are " + key + ".", "delegates", List.of(delegates),
                "skills", Map.of("ask", Map.of("type", "interactiveSkill", "description", "ask the user",
                        "tools", Map.of("askUser", Map.of("description", "Ask a question",
                                "inputJsonSchema", "{\"type\":\"object\"}")))));
    }

    /** Creates a draft of {@code @org/name} and returns its id. */
    static String draft(Api api, String applicationId, String name, Object... experts) {
        Res res = api.post("/api/v1/experts/@" + api.org() + "/" + name + "/drafts",
                Map.of("applicationId", applicationId, "experts", experts.length == 0 ? List.of(expert("main")) : List.of(experts)));
        assertThat(res.status()).as("%s", res).isEqualTo(201);
        return res.data("draft").get("id").asText();
    }

    static Res assign(Api api, String name, String draftId, String version, String tag) {
        Map<String, Object> body = tag == null ? Map.of("version", version) : Map.of("version", version, "tag", tag);
        return api.post("/api/v1/experts/@" + api.org() + "/" + name + "/drafts/" + draftId + "/version", body);
    }

    /** Creates a draft and assigns each version in order. */
    static String publishVersions(Api api, String applicationId, String name, String... versions) {
        String draft = draft(api, applicationId, name);
        for (String v : versions) {
            Res res = assign(api, name, draft, v, null);
            assertThat(res.status()).as("%s", res).isEqualTo(201);
        }
        return draft;
    }
}
