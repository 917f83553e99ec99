package ai.perstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.skills.TestMcpServer;
import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Core's runtime loop (perstack-core §7) through the real server with the mock provider: one step is one reply
 * and all its calls (skill calls in parallel), interactive calls answered one by one, attemptCompletion, empty
 * replies retried, several delegates of one reply.
 */
class CoreLoopTest extends ApiTest {

    private JobsFixture fixture() {
        Api api = newOrg();
        String app = createApplication(api, "loop-" + UUID.randomUUID().toString().substring(0, 8));
        String scope = "@" + api.org() + "/looping";
        Map<String, Object> testServer = Map.of("type", "mcpStdioSkill",
                "command", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "args", List.of("-cp", System.getProperty("java.class.path"), TestMcpServer.class.getName()));
        Map<String, Object> ask = Map.of("type", "interactiveSkill", "description", "Ask the user",
                "tools", Map.of("askUser", Map.of("description", "Ask a question",
                        "inputJsonSchema", "{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}}}")));
        List<Object> experts = List.of(
                Map.of("key", "main", "name", "main", "instruction", "Work.",
                        "delegates", List.of("helper", "checker", "worker"),
                        "skills", Map.of("@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx",
                                "packageName", "@perstack/base"), "t", testServer, "ask", ask)),
                Map.of("key", "helper", "name", "helper", "description", "Helps", "instruction", "Help."),
                Map.of("key", "checker", "name", "checker", "description", "Checks", "instruction", "Check."),
                Map.of("key", "worker", "name", "worker", "description", "Works", "instruction", "Work.",
                        "skills", Map.of("t", testServer)));
        Res draft = expect(api.post("/api/v1/experts/" + scope + "/drafts", Map.of("applicationId", app,
                "experts", experts)), 201);
        expect(api.post("/api/v1/experts/" + scope + "/drafts/" + draft.data("draft").get("id").asText() + "/version",
                Map.of("version", "1.0.0")), 201);
        return new JobsFixture(api, app, scope);
    }

    private static List<String> types(List<JsonNode> cps) {
        return cps.stream().map(c -> c.get("activity").get("type").asText()).toList();
    }

    @Test
    void threeSkillCallsAndAnInteractiveCallOfOneReplyAreOneStepWithThreeActivitiesThenTheStop() {
        JobsFixture f = fixture();
        // the barrier answers "met" only when all three calls wait at once: they really run in parallel
        String id = f.startId(String.join("\n",
                "/tool t barrier {\"n\":3}",
                "/with ask askUser {\"question\":\"Ship it?\"}",
                "/with t barrier {\"n\":3}",
                "/with t barrier {\"n\":3}",
                "Ship the release"));
        f.await(id, "stoppedByInteractiveTool");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(types(cps)).containsExactly("query", "generalTool", "interactiveTool");
        JsonNode step = cps.get(1);
        assertThat(step.get("status").asText()).isEqualTo("proceeding");
        assertThat(step.get("activities")).hasSize(3);
        for (JsonNode a : step.get("activities")) {
            assertThat(a.get("toolName").asText()).isEqualTo("barrier");
            assertThat(a.get("result").get(0).get("text").asText()).isEqualTo("met");
        }
        assertThat(step.get("activity")).isEqualTo(step.get("activities").get(0));
        assertThat(step.get("pendingToolCalls")).singleElement()
                .satisfies(c -> assertThat(c.get("toolName").asText()).isEqualTo("askUser"));
        assertThat(step.get("partialToolResults")).hasSize(3);
        JsonNode stop = cps.get(2);
        assertThat(stop.get("status").asText()).isEqualTo("stoppedByInteractiveTool");
        assertThat(stop.get("pendingToolCalls").get(0).get("id").asText())
                .isEqualTo(step.get("pendingToolCalls").get(0).get("id").asText());
        assertThat(stop.get("activity").get("args").get("question").asText()).isEqualTo("Ship it?");

        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true,
                "query", "yes")), 200);
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done: Ship the release (answer: yes)");
        assertThat(job.get("totalSteps").asInt()).isEqualTo(4);
    }

    @Test
    void twoInteractiveCallsOfOneReplyStopTwiceAndBothAnswersGoBackTogether() {
        JobsFixture f = fixture();
        String id = f.startId("/tool ask askUser {\"question\":\"First?\"}\n/with ask askUser {\"question\":\"Second?\"}\nAsk");
        f.await(id, "stoppedByInteractiveTool");
        JsonNode first = f.checkpoints(id).get(1);
        assertThat(first.get("pendingToolCalls")).hasSize(2);
        assertThat(first.get("activities")).hasSize(2);
        String secondCall = first.get("pendingToolCalls").get(1).get("id").asText();
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true,
                "query", "one")), 200);
        f.await(id, "stoppedByInteractiveTool");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).hasSize(3);
        // each resume is a step of its own; the call still pending is the first one to answer now
        assertThat(cps.get(2).get("pendingToolCalls")).singleElement()
                .satisfies(c -> assertThat(c.get("id").asText()).isEqualTo(secondCall));
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true,
                "query", "two")), 200);
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done: Ask (answer: one, two)");
    }

    @Test
    void attemptCompletionWithOpenTodosIsAnOrdinaryResultAndTheLoopGoesOn() {
        JobsFixture f = fixture();
        String id = f.startId(String.join("\n",
                "/tool @perstack/base todo {\"newTodos\":[\"write it\"]}",
                "/tool @perstack/base attemptCompletion {}",
                "Finish"));
        JsonNode job = f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(types(cps)).containsExactly("query", "todo", "attemptCompletion", "complete");
        assertThat(cps.get(2).get("status").asText()).isEqualTo("proceeding");
        assertThat(cps.get(2).get("activity").get("remainingTodos").get(0).get("title").asText()).isEqualTo("write it");
        assertThat(job.get("result").asText()).isEqualTo("Done: Finish");
    }

    @Test
    void attemptCompletionAfterTextCompletesWithThatTextAndTheOtherCallsGetNoResult() throws Exception {
        JobsFixture f = fixture();
        String id = f.startId(String.join("\n",
                "/text Here is the summary.",
                "/tool @perstack/base writeTextFile {\"path\":\"never.txt\",\"text\":\"x\"}",
                "/with @perstack/base attemptCompletion {}",
                "Summarize"));
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Here is the summary.");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(types(cps)).containsExactly("query", "attemptCompletion");
        JsonNode last = cps.get(1);
        assertThat(last.get("status").asText()).isEqualTo("completed");
        assertThat(last.get("activities")).extracting(a -> a.get("type").asText())
                .containsExactly("attemptCompletion", "complete");
        assertThat(last.get("activities").get(1).get("text").asText()).isEqualTo("Here is the summary.");
        Res files = f.api.get("/api/v1/jobs/" + id + "/workspace/files");
        assertThat(files.text()).doesNotContain("never.txt");
    }

    @Test
    void attemptCompletionWithoutTextCompletesWithTheFinalAnswerCall() {
        JobsFixture f = fixture();
        String id = f.startId("/tool @perstack/base attemptCompletion {}\nClose up");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done: Close up");
        assertThat(types(f.checkpoints(id))).containsExactly("query", "attemptCompletion");
    }

    @Test
    void emptyRepliesAreRetriedWithCoresNoteAndCountRetries() {
        JobsFixture f = fixture();
        String id = f.startId("/empty 2\nTry");
        JsonNode job = f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(types(cps)).containsExactly("query", "retry", "retry", "generalTool", "complete");
        assertThat(cps.get(1).get("activity").get("error").asText()).isEqualTo("Error: No tool call or text generated");
        assertThat(cps).extracting(c -> c.get("retryCount").asInt()).containsExactly(0, 1, 2, 0, 0);
        assertThat(job.get("totalSteps").asInt()).isEqualTo(5);
    }

    @Test
    void emptyRepliesPastMaxRetriesStopWithMaxRetriesExceeded() {
        JobsFixture f = fixture();
        String id = f.startId("/empty 5\nTry", "maxRetries", 2);
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("MaxRetriesExceeded");
        assertThat(job.get("error").get("message").asText()).startsWith("Max retries (2) exceeded: ");
        assertThat(types(f.checkpoints(id))).containsExactly("query", "retry", "retry", "error");
    }

    @Test
    void twoDelegatesOfOneReplyRunConcurrentlyInTheirOwnRunsAndTheParentGoesOnAsANewRun() {
        JobsFixture f = fixture();
        String id = f.startId("/steps 0\n/delegate helper Gather facts\n/delegate checker Check facts\nReport");
        JsonNode job = f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        // the children take their steps side by side, each round in call order
        assertThat(types(cps)).containsExactly("query", "delegate", "query", "query", "generalTool", "generalTool",
                "complete", "complete", "delegationComplete", "complete");
        assertThat(cps).extracting(c -> c.get("expert").get("key").asText()).containsExactly("main", "main",
                "helper", "checker", "helper", "checker", "helper", "checker", "main", "main");
        JsonNode delegating = cps.get(1);
        assertThat(delegating.get("delegateTo")).extracting(t -> t.get("expert").get("key").asText())
                .containsExactly("helper", "checker");
        assertThat(delegating.get("activities")).extracting(a -> a.get("delegateExpertKey").asText())
                .containsExactly("helper", "checker");
        String parentRun = cps.get(0).get("runId").asText();
        String helperRun = cps.get(2).get("runId").asText();
        String checkerRun = cps.get(3).get("runId").asText();
        String resumed = cps.get(8).get("runId").asText();
        assertThat(Set.copyOf(List.of(parentRun, helperRun, checkerRun, resumed))).hasSize(4);
        assertThat(List.of(cps.get(4), cps.get(6))).extracting(c -> c.get("runId").asText()).containsOnly(helperRun);
        assertThat(List.of(cps.get(5), cps.get(7))).extracting(c -> c.get("runId").asText()).containsOnly(checkerRun);
        assertThat(cps.get(2).get("delegatedBy").get("toolCallId").asText())
                .isEqualTo(delegating.get("delegateTo").get(0).get("toolCallId").asText());
        assertThat(cps.get(3).get("delegatedBy").get("toolCallId").asText())
                .isEqualTo(delegating.get("delegateTo").get(1).get("toolCallId").asText());
        assertThat(cps.get(3).get("delegatedBy").get("runId").asText()).isEqualTo(parentRun);
        assertThat(cps.get(3).get("delegatedBy").get("checkpointId").asText()).isEqualTo(delegating.get("id").asText());
        assertThat(cps.get(8).get("activity").get("count").asInt()).isEqualTo(2);
        assertThat(cps.get(9).get("runId").asText()).isEqualTo(resumed);
        // the parent's usage is its own and its children's: the job's running total
        assertThat(cps.get(9).get("usage")).isEqualTo(job.get("usage"));
        assertThat(cps).extracting(c -> c.get("sequence").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(cps).extracting(c -> c.get("stepNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(job.get("result").asText()).isEqualTo("Done: Report");
    }

    @Test
    void concurrentDelegatesCallTheirToolsAtTheSameTime() {
        JobsFixture f = fixture();
        // each child's query is a mock script calling the barrier, which answers "met" only to calls that overlap
        String id = f.startId(String.join("\n", "/steps 0",
                "/delegate worker /tool t barrier {\"n\":2}",
                "/delegate worker /tool t barrier {\"n\":2}",
                "Two at once"));
        f.await(id, "completed");
        List<JsonNode> barriers = f.checkpoints(id).stream()
                .filter(c -> "barrier".equals(c.get("activity").path("toolName").asText())).toList();
        assertThat(barriers).hasSize(2);
        assertThat(barriers).extracting(c -> c.get("activity").get("result").get(0).get("text").asText())
                .containsExactly("met", "met");
        assertThat(barriers.get(0).get("runId").asText()).isNotEqualTo(barriers.get(1).get("runId").asText());
    }

    @Test
    void aFailingChildOfAGroupIsTheJobsResult() {
        JobsFixture f = fixture();
        String id = f.startId("/steps 0\n/delegate helper /fail\n/delegate checker Check facts\nReport",
                "maxRetries", 0);
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("MockProviderError");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps.get(cps.size() - 1).get("status").asText()).isEqualTo("stoppedByError");
        assertThat(cps.get(cps.size() - 1).get("expert").get("key").asText()).isEqualTo("helper");
    }

    @Test
    void aCancelEndsEveryParallelCallOfTheStepAndTheirSkill() {
        JobsFixture f = fixture();
        String id = f.startId("/tool t sleep {\"ms\":600000}\n/with t sleep {\"ms\":600000}\nWait twice");
        long deadline = System.currentTimeMillis() + 60_000;
        while (ai.perstack.server.skills.Skills.running(TestMcpServer.class.getName()) == 0) {
            assertThat(System.currentTimeMillis()).as("the skill starts").isLessThan(deadline);
            JobsFixture.sleep(20);
        }
        expect(f.api.post("/api/v1/jobs/" + id + "/cancel", Map.of()), 200);
        f.await(id, "canceled");
        deadline = System.currentTimeMillis() + 30_000;
        while (ai.perstack.server.skills.Skills.running(TestMcpServer.class.getName()) > 0) {
            assertThat(System.currentTimeMillis()).as("the skill process ends").isLessThan(deadline);
            JobsFixture.sleep(20);
        }
        assertThat(types(f.checkpoints(id))).containsExactly("query");
    }

    @Test
    void aRetryableFailurePastMaxRetriesCarriesCoresPrefix() {
        JobsFixture f = fixture();
        String id = f.startId("/fail\nBreak", "maxRetries", 1);
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("MockProviderError");
        assertThat(job.get("error").get("message").asText())
                .isEqualTo("Max retries (1) exceeded: the mock provider failed as the query asked (/fail)");
    }

    @Test
    void mockScriptsWithWithButNoToolAreRefusedNamingTheRule() {
        JobsFixture f = fixture();
        Res res = f.start("/with t echo {}\nOops");
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.text()).contains("/with");
    }
}
