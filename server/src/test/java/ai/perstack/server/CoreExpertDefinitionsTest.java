package ai.perstack.server;

import static ai.perstack.server.Experts.expert;
import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expert definitions in Perstack core's shapes: accepted as core writes them, defaults, and every rule. */
class CoreExpertDefinitionsTest extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An expert as core's runtime holds it after parsing: names filled from map keys, every default written. */
    static final String AS_CORE_WRITES_IT = """
            {"key": "triage", "name": "triage", "version": "2.1.0", "description": "Sorts bug reports",
             "instruction": "Read reports/ and label them.",
             "skills": {
               "@perstack/base": {"type": "mcpStdioSkill", "name": "@perstack/base", "description": "Base skill",
                 "command": "npx", "args": ["-y", "@perstack/base"], "pick": [], "omit": ["exec"], "requiredEnv": [],
                 "lazyInit": false},
               "git": {"type": "mcpStdioSkill", "name": "git", "rule": "Never push.", "command": "uvx",
                 "packageName": "mcp-server-git", "args": [], "pick": ["git_status"], "omit": [], "requiredEnv": ["GIT_TOKEN"],
                 "lazyInit": true, "allowedDomains": ["*.github.com"]},
               "tracker": {"type": "mcpSseSkill", "name": "tracker", "endpoint": "https://mcp.tracker.example.com/sse",
                 "pick": [], "omit": ["delete"]},
               "ask": {"type": "interactiveSkill", "name": "ask", "description": "Questions", "rule": "Ask before deleting.",
                 "tools": {"confirm": {"name": "confirm", "description": "Confirm",
                   "inputJsonSchema": "{\\"type\\":\\"object\\",\\"properties\\":{\\"question\\":{\\"type\\":\\"string\\"}}}"}}}},
             "delegates": ["summarizer"], "tags": ["triage", "bugs"], "providerTools": ["webSearch", "webFetch"],
             "providerSkills": [{"type": "builtin", "skillId": "xlsx"}, {"type": "custom", "name": "style", "definition": "Be brief."}],
             "providerToolOptions": {"webSearch": {"maxUses": 3, "allowedDomains": ["example.com"]}, "webFetch": {"maxUses": 1},
               "fileSearch": {"vectorStoreIds": ["vs_1"], "maxNumResults": 5}}}""";

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final Map<Api, String> applications = new java.util.HashMap<>();

    private Res draft(Api api, Object... experts) {
        String app = applications.computeIfAbsent(api, a -> createApplication(a, "team-app"));
        return api.post("/api/v1/experts/@" + api.org() + "/team/drafts", Map.of("applicationId", app, "experts", List.of(experts)));
    }

    @Test
    void aDefinitionAsCoreWritesItIsAcceptedAndReturnedUnchanged() {
        Api api = newOrg();
        JsonNode triage = parse(AS_CORE_WRITES_IT);
        JsonNode summarizer = parse("""
                {"key": "summarizer", "name": "summarizer", "instruction": "Summarize.", "skills": {}, "delegates": [], "tags": []}""");
        Res created = expect(draft(api, triage, summarizer), 201);
        JsonNode experts = created.data("draft").get("experts");
        assertThat(experts.get(0)).isEqualTo(triage);
        assertThat(experts.get(1)).isEqualTo(summarizer);
        String id = created.data("draft").get("id").asText();
        expect(Experts.assign(api, "team", id, "2.1.0", null), 201);
        assertThat(expect(api.get("/api/v1/experts/@" + api.org() + "/team@2.1.0"), 200).data("definition").get("experts"))
                .isEqualTo(experts);
    }

    @Test
    void coreDefaultsAreWrittenOut() {
        Api api = newOrg();
        JsonNode experts = expect(draft(api,
                Map.of("key", "a", "name", "a", "instruction", "No skills given."),
                Map.of("key", "b", "name", "b", "instruction", "Empty skills.", "skills", Map.of()),
                Map.of("key", "c", "name", "c", "instruction", "Short skills.", "skills", Map.of(
                        "fs", Map.of("type", "mcpStdioSkill", "command", "npx", "packageName", "@acme/fs"),
                        "web", Map.of("type", "mcpSseSkill", "endpoint", "https://mcp.example.com/sse"),
                        "ask", Map.of("type", "interactiveSkill", "tools", Map.of("t", Map.of("inputJsonSchema", "{}")))))), 201)
                .data("draft").get("experts");
        assertThat(experts.get(0).get("skills")).isEqualTo(parse("""
                {"@perstack/base": {"type": "mcpStdioSkill", "name": "@perstack/base", "description": "Base skill", "command": "npx",
                  "args": ["-y", "@perstack/base"], "pick": [], "omit": [], "requiredEnv": [], "lazyInit": false}}"""));
        assertThat(experts.get(0).get("delegates")).isEqualTo(parse("[]"));
        assertThat(experts.get(0).get("tags")).isEqualTo(parse("[]"));
        assertThat(experts.get(0).has("version")).isFalse();
        assertThat(experts.get(1).get("skills")).isEqualTo(parse("{}"));
        JsonNode skills = experts.get(2).get("skills");
        assertThat(skills.get("fs")).isEqualTo(parse("""
                {"type": "mcpStdioSkill", "name": "fs", "command": "npx", "packageName": "@acme/fs", "args": [], "pick": [], "omit": [],
                 "requiredEnv": [], "lazyInit": false}"""));
        assertThat(skills.get("web")).isEqualTo(parse("""
                {"type": "mcpSseSkill", "name": "web", "endpoint": "https://mcp.example.com/sse", "pick": [], "omit": []}"""));
        assertThat(skills.get("ask")).isEqualTo(parse("""
                {"type": "interactiveSkill", "name": "ask", "tools": {"t": {"name": "t", "inputJsonSchema": "{}"}}}"""));
    }

    @Test
    void everyRuleIsA400NamingTheField() {
        Api api = newOrg();
        ObjectNode good = (ObjectNode) parse(AS_CORE_WRITES_IT);
        good.set("delegates", JSON.createArrayNode());
        expect(draft(api, good), 201);
        assertRejected(api, good, "/name", "\"Triage\"", "experts[0].name");
        assertRejected(api, good, "/name", "\"my.name\"", "experts[0].name");
        assertRejected(api, good, "/version", "\"1.0\"", "experts[0].version");
        assertRejected(api, good, "/description", "\"\"", "experts[0].description");
        assertRejected(api, good, "/tags", "[\"Bad Tag\"]", "experts[0].tags[0]");
        assertRejected(api, good, "/tags", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\"]", "experts[0].tags");
        assertRejected(api, good, "/delegates", "[\"helper@1.0.0\"]", "experts[0].delegates[0]");
        assertRejected(api, good, "/providerSkills", "[{\"type\":\"builtin\",\"skillId\":\"zip\"}]", "experts[0].providerSkills[0].skillId");
        assertRejected(api, good, "/providerSkills", "[{\"type\":\"custom\",\"name\":\"x\",\"definition\":\"\"}]",
                "experts[0].providerSkills[0].definition");
        assertRejected(api, good, "/providerToolOptions", "{\"webSearch\":{\"maxUses\":0}}", "experts[0].providerToolOptions.webSearch.maxUses");
        assertRejected(api, good, "/providerToolOptions", "{\"codeExecution\":{}}", "experts[0].providerToolOptions.codeExecution");
        assertRejected(api, good, "/surprise", "1", "experts[0].surprise");
        String skill = "experts[0].skills.";
        assertRejected(api, good, "/skills/ask/type", "\"interactive\"", skill + "ask.type");
        assertRejected(api, good, "/skills/git/type", "\"mcpStdio\"", skill + "git.type");
        assertRejected(api, good, "/skills/ask/tools/confirm/inputJsonSchema", "{\"type\":\"object\"}", skill + "ask.tools.confirm.inputJsonSchema");
        assertRejected(api, good, "/skills/ask/tools/confirm/inputJsonSchema", "\"{not json\"", skill + "ask.tools.confirm.inputJsonSchema");
        assertRejected(api, good, "/skills/ask/tools/confirm/inputJsonSchema", "\"[1]\"", skill + "ask.tools.confirm.inputJsonSchema");
        assertRejected(api, good, "/skills/ask/name", "\"other\"", skill + "ask.name");
        assertRejected(api, good, "/skills/ask/lazyInit", "true", skill + "ask.lazyInit");
        assertRejected(api, good, "/skills/git/args", "[\"mcp-server-git\"]", skill + "git.packageName");
        assertRejected(api, good, "/skills/git/requiredEnv", "[\"BAD NAME\"]", skill + "git.requiredEnv[0]");
        assertRejected(api, good, "/skills/git/allowedDomains", "[\"xn--80ak6aa92e.com\"]", skill + "git.allowedDomains[0]");
        assertRejected(api, good, "/skills/git/lazyInit", "\"yes\"", skill + "git.lazyInit");
        assertRejected(api, good, "/skills/tracker/endpoint", "\"http://mcp.example.com/sse\"", skill + "tracker.endpoint");
        assertRejected(api, good, "/skills/tracker/endpoint", "\"https://192.168.1.5/sse\"", skill + "tracker.endpoint");
        assertRejected(api, good, "/skills/tracker/endpoint", "\"https://localhost/sse\"", skill + "tracker.endpoint");
        assertRejected(api, good, "/skills/tracker/lazyInit", "true", skill + "tracker.lazyInit");
        assertRejected(api, good, "/skills", "null", "experts[0].skills");
    }

    @Test
    void theRegistryRulesStillApply() {
        Api api = newOrg();
        expectInvalid(draft(api, expert("main", "main")), "experts[0].delegates[0]");
        expectInvalid(draft(api, expert("@acme/main")), "experts[0].key");
        expect(draft(api, Map.of("key", "with.dots", "name", "with-dots", "instruction", "Keys may have dots; names may not.")), 201);
    }

    private void assertRejected(Api api, ObjectNode good, String pointer, String value, String field) {
        ObjectNode bad = good.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? bad : bad.at(pointer.substring(0, slash));
        ((ObjectNode) parent).set(pointer.substring(slash + 1), parse(value));
        Res res = draft(api, bad);
        assertThat(res.status()).as("%s = %s: %s", pointer, value, res).isEqualTo(400);
        assertThat(res.reason().has(field)).as("%s = %s names %s: %s", pointer, value, field, res).isTrue();
    }
}
