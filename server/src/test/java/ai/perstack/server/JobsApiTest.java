package ai.perstack.server;

import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobsApiTest extends ApiTest {

    JobsFixture fixture() {
        return new JobsFixture(newOrg());
    }

    private static List<String> activityTypes(List<JsonNode> cps) {
        return cps.stream().map(c -> c.get("activity").get("type").asText()).toList();
    }

    private static List<String> statuses(List<JsonNode> cps) {
        return cps.stream().map(c -> c.get("status").asText()).toList();
    }

    @Test
    void startReturns201QueuedAndTheDefaultMockCompletesInThreeSteps() {
        JobsFixture f = fixture();
        Res res = expect(f.start("Review the pull request description"), 201);
        JsonNode job = res.data("job");
        assertThat(job.get("status").asText()).isEqualTo("queued");
        assertThat(job.get("resolvedExpertKey").asText()).isEqualTo(f.expertKey + "@1.0.0");
        assertThat(job.get("files").isArray()).isTrue();
        assertThat(job.get("maxSteps").asInt()).isEqualTo(100);
        String id = job.get("id").asText();
        JsonNode done = f.await(id, "completed");
        assertThat(done.get("result").asText()).isEqualTo("Done: Review the pull request description");
        assertThat(done.get("totalSteps").asInt()).isEqualTo(3);
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(statuses(cps)).containsExactly("init", "proceeding", "completed");
        assertThat(activityTypes(cps)).containsExactly("query", "generalTool", "complete");
        JsonNode work = cps.get(1).get("activity");
        assertThat(work.get("skillName").asText()).isEqualTo("@perstack/mock");
        assertThat(work.get("toolName").asText()).isEqualTo("work");
        assertThat(work.get("result").get(0).get("text").asText()).isEqualTo("Working on: Review the pull request description");
        // Activities chain within the run; usage is the job's running total, as in core.
        assertThat(cps.get(0).get("activity").has("previousActivityId")).isFalse();
        assertThat(work.get("previousActivityId").asText()).isEqualTo(cps.get(0).get("activity").get("id").asText());
        assertThat(cps.get(0).get("usage").get("inputTokens").asInt()).isEqualTo(9);
        assertThat(cps.get(1).get("usage").get("inputTokens").asInt()).isEqualTo(18);
        assertThat(cps.get(1).get("usage").get("outputTokens").asInt()).isEqualTo(12);
        assertThat(cps).extracting(c -> c.get("sequence").asInt()).containsExactly(1, 2, 3);
        assertThat(cps).extracting(c -> c.get("stepNumber").asInt()).containsExactly(1, 2, 3);
        assertThat(cps).extracting(c -> c.get("retryCount").asInt()).containsOnly(0);
        assertThat(cps).extracting(c -> c.get("expert").get("key").asText()).containsOnly("main");
        assertThat(cps).allSatisfy(c -> assertThat(c.has("contextWindow")).isFalse());
        assertThat(done.get("usage")).isEqualTo(cps.get(2).get("usage"));
        Res one = expect(f.api.get("/api/v1/jobs/" + id + "/checkpoints/" + cps.get(2).get("id").asText()), 200);
        assertThat(one.data("checkpoint").get("sequence").asInt()).isEqualTo(3);
    }

    @Test
    void stepsDirectiveAndMaxSteps() {
        JobsFixture f = fixture();
        String id = f.startId("/steps 4\nWrite", "maxSteps", 3);
        JsonNode job = f.await(id, "stoppedByMaxSteps");
        assertThat(job.get("totalSteps").asInt()).isEqualTo(3);
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps.get(2).get("status").asText()).isEqualTo("stoppedByExceededMaxSteps");
        expectInvalid(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of()), "maxSteps");
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("maxSteps", 10)), 200);
        job = f.await(id, "completed");
        assertThat(job.get("totalSteps").asInt()).isEqualTo(6);
        assertThat(statuses(f.checkpoints(id))).containsExactly("init", "proceeding", "stoppedByExceededMaxSteps",
                "proceeding", "proceeding", "completed");
    }

    @Test
    void askStopsAndContinueWithAnswerCompletes() {
        JobsFixture f = fixture();
        String id = f.startId("/ask Ship it?\nRelease");
        f.await(id, "stoppedByInteractiveTool");
        JsonNode ask = f.checkpoints(id).get(2);
        assertThat(ask.get("activity").get("type").asText()).isEqualTo("interactiveTool");
        assertThat(ask.get("activity").get("args").get("question").asText()).isEqualTo("Ship it?");
        assertThat(ask.get("activity").get("skillName").asText()).isEqualTo("ask");
        assertThat(ask.get("activity").get("toolName").asText()).isEqualTo("askUser");
        assertThat(ask.get("pendingToolCalls").get(0).get("toolName").asText()).isEqualTo("askUser");
        assertThat(ask.get("pendingToolCalls").get(0).get("id").asText()).startsWith("call_");
        expectInvalid(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true)), "query");
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true, "query", "yes")), 200);
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done: Release (answer: yes)");
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true, "query", "again")), 409);
    }

    @Test
    void delegateRunsInItsOwnRun() {
        JobsFixture f = fixture();
        String id = f.startId("/delegate helper Check the facts\nWrite a report");
        f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(activityTypes(cps)).containsExactly("query", "generalTool", "delegate", "query", "generalTool",
                "complete", "delegationComplete", "complete");
        String mainRun = cps.get(0).get("runId").asText();
        String helperRun = cps.get(3).get("runId").asText();
        assertThat(helperRun).isNotEqualTo(mainRun);
        assertThat(cps.get(2).get("status").asText()).isEqualTo("stoppedByDelegate");
        assertThat(cps.subList(3, 6)).extracting(c -> c.get("runId").asText()).containsOnly(helperRun);
        assertThat(cps.subList(3, 6)).extracting(c -> c.get("expert").get("key").asText()).containsOnly("helper");
        JsonNode dc = cps.get(6);
        // the parent goes on as a new run once its delegate is back, as core resumes it
        String resumedRun = dc.get("runId").asText();
        assertThat(resumedRun).isNotIn(mainRun, helperRun);
        assertThat(cps.get(7).get("runId").asText()).isEqualTo(resumedRun);
        assertThat(cps.subList(0, 3)).extracting(c -> c.get("runId").asText()).containsOnly(mainRun);
        assertThat(dc.get("activity").get("expertKey").asText()).isEqualTo("main");
        assertThat(dc.get("activity").get("count").asInt()).isEqualTo(1);
        JsonNode delegate = cps.get(2);
        assertThat(delegate.get("activity").get("delegateExpertKey").asText()).isEqualTo("helper");
        assertThat(delegate.get("activity").get("query").asText()).isEqualTo("Check the facts");
        JsonNode target = delegate.get("delegateTo").get(0);
        assertThat(target.get("expert").get("key").asText()).isEqualTo("helper");
        assertThat(target.get("query").asText()).isEqualTo("Check the facts");
        assertThat(target.get("toolName").asText()).isEqualTo("helper");
        for (JsonNode child : cps.subList(3, 6)) {
            assertThat(child.get("delegatedBy").get("checkpointId").asText()).isEqualTo(delegate.get("id").asText());
            assertThat(child.get("delegatedBy").get("runId").asText()).isEqualTo(mainRun);
            assertThat(child.get("delegatedBy").get("toolCallId").asText()).isEqualTo(target.get("toolCallId").asText());
            assertThat(child.get("activity").get("delegatedBy").get("expertKey").asText()).isEqualTo("main");
        }
        assertThat(dc.has("delegatedBy")).isFalse();
        assertThat(dc.get("activity").has("previousActivityId")).as("the first activity of the resumed run").isFalse();
        assertThat(cps.get(7).get("activity").get("previousActivityId").asText())
                .isEqualTo(dc.get("activity").get("id").asText());
        assertThat(cps).extracting(c -> c.get("stepNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(f.job(id).get("result").asText()).isEqualTo("Done: Write a report");
    }

    @Test
    void failRetriesUpToMaxRetriesThenStopsByError() {
        JobsFixture f = fixture();
        String id = f.startId("/fail\nBreak", "maxRetries", 2);
        JsonNode job = f.await(id, "stoppedByError");
        // out of retries, the error is final, as core's
        assertThat(job.get("error").get("isRetryable").asBoolean()).isFalse();
        assertThat(job.get("error").get("message").asText()).startsWith("Max retries (2) exceeded: ");
        assertThat(activityTypes(f.checkpoints(id))).containsExactly("query", "retry", "retry", "error");
        assertThat(statuses(f.checkpoints(id)).get(3)).isEqualTo("stoppedByError");
    }

    @Test
    void failOnceRetriesOnceThenCompletes() {
        JobsFixture f = fixture();
        String id = f.startId("/fail-once\nWobble");
        f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(activityTypes(cps)).containsExactly("query", "retry", "generalTool", "complete");
        assertThat(cps).extracting(c -> c.get("retryCount").asInt()).containsExactly(0, 1, 0, 0);
    }

    @Test
    void todoStepListsItems() {
        JobsFixture f = fixture();
        String id = f.startId("/todo A; B; C\nPlan");
        f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(activityTypes(cps)).containsExactly("query", "todo", "generalTool", "complete");
        JsonNode todo = cps.get(1).get("activity");
        assertThat(todo.get("todos")).extracting(t -> t.get("title").asText()).containsExactly("A", "B", "C");
        assertThat(todo.get("todos")).extracting(t -> t.get("id").asInt()).containsExactly(0, 1, 2);
        assertThat(todo.get("newTodos")).extracting(JsonNode::asText).containsExactly("A", "B", "C");
    }

    @Test
    void pauseResumeAndCancel() {
        JobsFixture f = fixture();
        String id = f.startId("/steps 50\n/sleep 40\nLong");
        f.await(id, "running");
        // Once the pause is answered, the step in flight is dropped: the count holds still.
        int steps = expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 200).data("job")
                .get("totalSteps").asInt();
        JobsFixture.sleep(300);
        assertThat(f.job(id).get("totalSteps").asInt()).isEqualTo(steps);
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 409);
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "running")), 200);
        awaitSteps(f, id, steps + 1);
        long t0 = System.nanoTime();
        expect(f.api.post("/api/v1/jobs/" + id + "/cancel", null), 200);
        assertThat(f.job(id).get("status").asText()).isEqualTo("canceled");
        expect(f.api.post("/api/v1/jobs/" + id + "/cancel", null), 200);
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of()), 409);
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "running")), 409);
        int after = f.job(id).get("totalSteps").asInt();
        JobsFixture.sleep(200);
        assertThat(f.job(id).get("totalSteps").asInt()).isEqualTo(after);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }

    /** Polls until the job has taken at least {@code atLeast} steps (at most 10 s). */
    private static void awaitSteps(JobsFixture f, String id, int atLeast) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (f.job(id).get("totalSteps").asInt() >= atLeast) {
                return;
            }
            JobsFixture.sleep(20);
        }
        throw new AssertionError("job " + id + " did not resume taking steps");
    }

    @Test
    void illegalTransitionsAre409() {
        JobsFixture f = fixture();
        String id = f.startId("Quick");
        f.await(id, "completed");
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 409);
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "running")), 409);
        expect(f.api.post("/api/v1/jobs/" + id + "/cancel", null), 409);
        expectInvalid(f.api.post("/api/v1/jobs/" + id, Map.of("status", "completed")), "status");
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("query", "Again")), 200);
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done: Again");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).hasSize(6);
        assertThat(cps.get(3).get("runId").asText()).isNotEqualTo(cps.get(0).get("runId").asText());
        assertThat(cps.get(3).get("stepNumber").asInt()).isEqualTo(4);
    }

    @Test
    void reasoningBudgetTakesCoresLevelsAndTokens() {
        JobsFixture f = fixture();
        for (Object budget : List.<Object>of("none", "minimal", "low", "medium", "high", 0, 4096)) {
            JsonNode job = expect(f.start("x", "reasoningBudget", budget), 201).data("job");
            assertThat(job.get("reasoningBudget").toString()).isEqualTo(budget instanceof String ? "\"" + budget + "\"" : budget.toString());
            assertThat(f.job(job.get("id").asText()).get("reasoningBudget")).isEqualTo(job.get("reasoningBudget"));
        }
        assertThat(expect(f.start("x"), 201).data("job").get("reasoningBudget").asText()).isEqualTo("low");
    }

    @Test
    void startValidation() {
        JobsFixture f = fixture();
        expectInvalid(f.start(null), "query");
        expectInvalid(f.start("x", "provider", "amazon-bedrock"), "provider");
        expectInvalid(f.start("x", "provider", "openai"), "OPENAI_API_KEY");
        expectInvalid(f.start("x", "provider", "anthropic"), "ANTHROPIC_API_KEY");
        expectInvalid(f.start("x", "provider", "nope"), "provider");
        expectInvalid(f.start("x", "maxSteps", 0), "maxSteps");
        for (Object budget : List.<Object>of("extreme", "5000", -1, 1.5, 3_000_000_000L, true)) {
            expectInvalid(f.start("x", "reasoningBudget", budget), "reasoningBudget");
        }
        expectInvalid(f.start("x", "expertKey", "@" + f.api.org() + "/missing"), "expertKey");
        expectInvalid(f.start("x", "applicationId", "abcdefghijklmnopqrstuvwx"), "applicationId");
        expectInvalid(f.start("/steps many\nx"), "query");
        expectInvalid(f.start("/delegate nobody do it\nx"), "query");
        expectInvalid(f.start("x", "colour", "red"), "colour");
        expect(f.start(null, "files", List.of("notes.md")), 201);
        expect(f.api.post("/api/v1/applications/" + f.applicationId, Map.of("status", "inactive")), 200);
        expectInvalid(f.start("x"), "applicationId");
    }

    @Test
    void listFiltersAndOrganizationScope() {
        JobsFixture f = fixture();
        String a = f.startId("one");
        String b = f.startId("/ask Sure?\ntwo");
        f.await(a, "completed");
        f.await(b, "stoppedByInteractiveTool");
        Res all = expect(f.api.get("/api/v1/jobs"), 200);
        assertThat(all.json().get("meta").get("total").asInt()).isEqualTo(2);
        Res completed = expect(f.api.get("/api/v1/jobs?filter=status:completed%20applicationId:" + f.applicationId), 200);
        assertThat(completed.data("jobs")).extracting(j -> j.get("id").asText()).containsExactly(a);
        Res byKey = expect(f.api.get("/api/v1/jobs?filter=expertKey:" + f.expertKey.replace("@", "%40")), 200);
        assertThat(byKey.data("jobs")).hasSize(2);
        expectInvalid(f.api.get("/api/v1/jobs?filter=colour:red"), "filter");
        expectInvalid(f.api.get("/api/v1/jobs?filter=status"), "filter");
        Res asc = expect(f.api.get("/api/v1/jobs?sort=createdAt&order=asc&take=1&skip=1"), 200);
        assertThat(asc.data("jobs")).extracting(j -> j.get("id").asText()).containsExactly(b);
        JobsFixture other = fixture();
        expect(other.api.get("/api/v1/jobs/" + a), 404);
        expect(other.api.post("/api/v1/jobs/" + a + "/cancel", null), 404);
        expect(other.api.get("/api/v1/jobs/" + a + "/checkpoints"), 404);
        expect(other.api.get("/api/v1/jobs/" + a + "/checkpoints/stream"), 404);
        Res desc = expect(f.api.get("/api/v1/jobs/" + a + "/checkpoints?order=desc"), 200);
        assertThat(desc.data("checkpoints").get(0).get("sequence").asInt()).isEqualTo(3);
    }

    @Test
    void applicationDeleteIs409WhileAJobIsUnfinished() {
        JobsFixture f = fixture();
        String id = f.startId("/sleep 2000\nSlow");
        expect(f.api.delete("/api/v1/applications/" + f.applicationId), 409);
        expect(f.api.post("/api/v1/jobs/" + id + "/cancel", null), 200);
        expect(f.api.delete("/api/v1/applications/" + f.applicationId), 200);
        expect(f.api.get("/api/v1/jobs/" + id), 200);
    }
}
