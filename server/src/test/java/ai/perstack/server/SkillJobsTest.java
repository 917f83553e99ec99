package ai.perstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.skills.TestMcpServer;
import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Jobs whose experts use real skills: the built-in base and the test MCP server as a stdio
 * child, driven by the mock provider's {@code /tool} directive, against the real server.
 */
class SkillJobsTest extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> testServerSkill() {
        return Map.of("type", "mcpStdioSkill", "command", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "args", List.of("-cp", System.getProperty("java.class.path"), TestMcpServer.class.getName()),
                "requiredEnv", List.of("SERVICE_TOKEN"), "rule", "Use t for echoes.");
    }

    private JobsFixture fixtureWith(Api api, Map<String, Object> skills) {
        String app = createApplication(api, "skills-" + UUID.randomUUID().toString().substring(0, 8));
        String scope = "@" + api.org() + "/skilled";
        List<Object> experts = List.of(Map.of("key", "main", "name", "main", "instruction", "Work with files.",
                "skills", skills));
        Res draft = expect(api.post("/api/v1/experts/" + scope + "/drafts", Map.of("applicationId", app,
                "experts", experts)), 201);
        expect(api.post("/api/v1/experts/" + scope + "/drafts/" + draft.data("draft").get("id").asText() + "/version",
                Map.of("version", "1.0.0")), 201);
        return new JobsFixture(api, app, scope);
    }

    private static long testServers() {
        return ai.perstack.server.skills.Skills.running(TestMcpServer.class.getName());
    }

    @Test
    void toolCallsRunThroughRealSkillsAndEveryCallAndResultIsInTheCheckpoints() throws Exception {
        Api api = newOrg();
        expect(api.post("/api/v1/env/secrets", Map.of("name", "SERVICE_TOKEN", "value", "tok-for-t")), 201);
        expect(api.post("/api/v1/env/secrets", Map.of("name", "NOT_ASKED", "value", "other-secret")), 201);
        JobsFixture f = fixtureWith(api, Map.of(
                "@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx", "packageName", "@perstack/base"),
                "t", testServerSkill()));
        String id = f.startId(String.join("\n",
                "/tool @perstack/base writeTextFile {\"path\":\"out/report.txt\",\"text\":\"hello\"}",
                "/tool t echo {\"text\":\"from stdio\"}",
                "/tool @perstack/base todo {\"newTodos\":[\"check the report\"]}",
                "/tool @perstack/base getFileInfo {\"path\":\"out/report.txt\"}",
                "/tool t env {\"names\":[\"SERVICE_TOKEN\",\"NOT_ASKED\"]}",
                "/tool @perstack/base readTextFile {\"path\":\"../../escape.txt\"}",
                "/tool t noSuchTool {}",
                "Write the report"));
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done: Write the report");
        List<JsonNode> cps = f.checkpoints(id);
        List<JsonNode> activities = cps.stream().map(c -> c.get("activity")).toList();
        assertThat(activities).extracting(a -> a.get("type").asText()).containsExactly("query", "writeTextFile",
                "generalTool", "todo", "getFileInfo", "generalTool", "readTextFile", "generalTool", "complete");
        assertThat(activities.get(1).get("path").asText()).isEqualTo("out/report.txt");
        assertThat(activities.get(1).get("text").asText()).isEqualTo("hello");
        assertThat(activities.get(1).has("error")).isFalse();
        assertThat(activities.get(2).get("skillName").asText()).isEqualTo("t");
        assertThat(activities.get(2).get("result").get(0).get("text").asText()).isEqualTo("from stdio");
        assertThat(activities.get(3).get("todos").get(0).get("title").asText()).isEqualTo("check the report");
        assertThat(activities.get(4).get("info").get("size").asInt()).isEqualTo(5);
        JsonNode env = JSON.readTree(activities.get(5).get("result").get(0).get("text").asText());
        assertThat(env.get("SERVICE_TOKEN").asText()).isEqualTo("tok-for-t");
        assertThat(env.get("NOT_ASKED").isNull()).isTrue();
        assertThat(activities.get(6).get("error").asText()).isEqualTo("Error");
        assertThat(activities.get(7).get("result").get(0).get("text").asText()).isEqualTo("Tool noSuchTool not found");
        // the file is in the job's own workspace
        JsonNode fileInfo = JSON.readTree(cps.get(4).get("activity").get("info").toString());
        assertThat(fileInfo.get("directory").asText()).endsWith("/workspaces/" + id + "/out");
        assertThat(Files.readString(Path.of(fileInfo.get("directory").asText(), "report.txt"))).isEqualTo("hello");
        assertThat(testServers()).as("skill processes left after the job").isZero();
    }

    /**
     * Skills open when a step first needs them (a tool call, or a model asking for the tool list):
     * a job whose steps call no tool starts no skill process, creates no workspace and so writes
     * no process ledger, even when its expert has skills; a job that does call tools has both, and
     * when it ends its ledger lists no process and none is left running.
     */
    @Test
    void aJobThatCallsNoToolStartsNoSkillAndWritesNoLedgerWhileOneThatDoesLeavesNoProcess() throws Exception {
        Api api = newOrg();
        expect(api.post("/api/v1/env/secrets", Map.of("name", "SERVICE_TOKEN", "value", "tok")), 201);
        JobsFixture f = fixtureWith(api, Map.of(
                "@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx", "packageName", "@perstack/base"),
                "t", testServerSkill()));
        String quiet = f.startId("/steps 3\nThink it over");
        f.await(quiet, "completed");
        String busy = f.startId(String.join("\n",
                "/tool t echo {\"text\":\"hi\"}",
                "/tool @perstack/base writeTextFile {\"path\":\"note.txt\",\"text\":\"x\"}",
                "/tool @perstack/base getFileInfo {\"path\":\"note.txt\"}",
                "Look"));
        f.await(busy, "completed");
        JsonNode info = f.checkpoints(busy).stream().map(c -> c.get("activity"))
                .filter(a -> a.get("type").asText().equals("getFileInfo")).findFirst().orElseThrow().get("info");
        Path busyWorkspace = Path.of(info.get("directory").asText());
        assertThat(busyWorkspace.getFileName().toString()).isEqualTo(busy);
        Path ledger = busyWorkspace.resolve("perstack").resolve("processes");
        assertThat(ledger).as("the ledger of the job that started a skill process").exists();
        assertThat(Files.readString(ledger)).as("processes still listed after the job").isEmpty();
        assertThat(testServers()).as("skill processes left after the jobs").isZero();
        assertThat(busyWorkspace.resolveSibling(quiet)).as("workspace of the job that called no tool").doesNotExist();
    }

    @Test
    void cancelEndsARunningToolAndItsProcessPromptly() {
        Api api = newOrg();
        expect(api.post("/api/v1/env/secrets", Map.of("name", "SERVICE_TOKEN", "value", "tok")), 201);
        JobsFixture f = fixtureWith(api, Map.of("t", testServerSkill()));
        String id = f.startId("/tool t sleep {\"ms\":600000}\nWait");
        long deadline = System.currentTimeMillis() + 60_000;
        while (testServers() == 0) {
            assertThat(System.currentTimeMillis()).as("the skill starts").isLessThan(deadline);
            JobsFixture.sleep(20);
        }
        expect(api.post("/api/v1/jobs/" + id + "/cancel", Map.of()), 200);
        f.await(id, "canceled");
        deadline = System.currentTimeMillis() + 30_000;
        while (testServers() > 0) {
            assertThat(System.currentTimeMillis()).as("the skill process ends").isLessThan(deadline);
            JobsFixture.sleep(20);
        }
        assertThat(f.checkpoints(id)).extracting(c -> c.get("activity").get("type").asText()).containsExactly("query");
    }

    @Test
    void aServerThatAllowsNoStdioSkillsRefusesTheJobNamingTheSkillAndTheRule() {
        try (LocalPlatform strict = LocalPlatform.start(ai.perstack.server.testing.Platforms.config(backend,
                ai.perstack.server.testing.Platforms.newDataDir(), 0)
                .stdioPolicy(ai.perstack.server.skills.StdioPolicy.only(List.of("uvx"))).build())) {
            Api api = ai.perstack.server.testing.Platforms.newOrganization(strict);
            JobsFixture f = fixtureWith(api, Map.of("t", testServerSkill(),
                    "@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx", "packageName", "@perstack/base")));
            Res refused = expectInvalid(f.start("/tool t echo {}\nx"), "experts.main.skills.t");
            assertThat(refused.reason().get("experts.main.skills.t").asText())
                    .startsWith("command " + Path.of(System.getProperty("java.home"), "bin", "java"))
                    .endsWith("is not allowed on this server (allowed: uvx)");
            assertThat(refused.reason().has("experts.main.skills.@perstack/base")).isFalse();
        }
    }

    @Test
    void aMissingRequiredSecretIsAnErrorResultAndTheJobGoesOn() {
        Api api = newOrg();
        JobsFixture f = fixtureWith(api, Map.of("t", testServerSkill()));
        String id = f.startId("/tool t echo {\"text\":\"x\"}\nTry");
        f.await(id, "completed");
        JsonNode call = f.checkpoints(id).get(1).get("activity");
        assertThat(call.get("type").asText()).isEqualTo("generalTool");
        assertThat(call.get("error").asText()).contains("requires environment variable SERVICE_TOKEN");
    }

    @Test
    void aToolOfASkillTheExpertDoesNotHaveIsRefusedAtStart() {
        Api api = newOrg();
        JobsFixture f = fixtureWith(api, Map.of("t", testServerSkill()));
        expectInvalid(f.start("/tool other echo {}\nx"), "query");
        expectInvalid(f.start("/tool t echo [1]\nx"), "query");
    }
}
