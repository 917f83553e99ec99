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
        assertThat(activityTypes(cps)).containsExactly("query", "think", "complete");
        assertThat(cps.get(1).get("activity").get("thought").asText()).isEqualTo("Working on: Review the pull request description");
        assertThat(cps.get(0).get("usage").get("inputTokens").asInt()).isEqualTo(9);
        assertThat(cps.get(1).get("usage").get("outputTokens").asInt()).isEqualTo(12);
        assertThat(cps).extracting(c -> c.get("sequence").asInt()).containsExactly(1, 2, 3);
        assertThat(cps).extracting(c -> c.get("expert").get("key").asText()).containsOnly("main");
        long input = cps.stream().mapToLong(c -> c.get("usage").get("inputTokens").asLong()).sum();
        assertThat(done.get("usage").get("inputTokens").asLong()).isEqualTo(input);
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
        assertThat(activityTypes(cps)).containsExactly("query", "think", "delegate", "query", "think", "complete",
                "delegationComplete", "complete");
        String mainRun = cps.get(0).get("runId").asText();
        String helperRun = cps.get(3).get("runId").asText();
        assertThat(helperRun).isNotEqualTo(mainRun);
        assertThat(cps.get(2).get("status").asText()).isEqualTo("stoppedByDelegate");
        assertThat(cps.subList(3, 6)).extracting(c -> c.get("runId").asText()).containsOnly(helperRun);
        assertThat(cps.subList(3, 6)).extracting(c -> c.get("expert").get("key").asText()).containsOnly("helper");
        JsonNode dc = cps.get(6);
        assertThat(dc.get("runId").asText()).isEqualTo(mainRun);
        assertThat(dc.get("activity").get("expertKey").asText()).isEqualTo("main");
        assertThat(dc.get("activity").get("delegateTo").asText()).isEqualTo("helper");
        assertThat(dc.get("activity").get("result").asText()).isEqualTo("Done: Check the facts");
        assertThat(cps.get(7).get("stepNumber").asInt()).isEqualTo(5);
        assertThat(f.job(id).get("result").asText()).isEqualTo("Done: Write a report");
    }

    @Test
    void failRetriesUpToMaxRetriesThenStopsByError() {
        JobsFixture f = fixture();
        String id = f.startId("/fail\nBreak", "maxRetries", 2);
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("isRetryable").asBoolean()).isTrue();
        assertThat(activityTypes(f.checkpoints(id))).containsExactly("query", "retry", "retry", "error");
        assertThat(statuses(f.checkpoints(id)).get(3)).isEqualTo("stoppedByError");
    }

    @Test
    void failOnceRetriesOnceThenCompletes() {
        JobsFixture f = fixture();
        String id = f.startId("/fail-once\nWobble");
        f.await(id, "completed");
        assertThat(activityTypes(f.checkpoints(id))).containsExactly("query", "retry", "think", "complete");
    }

    @Test
    void todoStepListsItems() {
        JobsFixture f = fixture();
        String id = f.startId("/todo A; B; C\nPlan");
        f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(activityTypes(cps)).containsExactly("query", "todo", "think", "complete");
        assertThat(cps.get(1).get("activity").get("todos")).extracting(t -> t.get("title").asText())
                .containsExactly("A", "B", "C");
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
        assertThat(cps.get(3).get("stepNumber").asInt()).isEqualTo(1);
    }

    @Test
    void startValidation() {
        JobsFixture f = fixture();
        expectInvalid(f.start(null), "query");
        expectInvalid(f.start("x", "provider", "google"), "provider");
        expectInvalid(f.start("x", "provider", "openai"), "OPENAI_API_KEY");
        expectInvalid(f.start("x", "provider", "anthropic"), "ANTHROPIC_API_KEY");
        expectInvalid(f.start("x", "provider", "nope"), "provider");
        expectInvalid(f.start("x", "maxSteps", 0), "maxSteps");
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
