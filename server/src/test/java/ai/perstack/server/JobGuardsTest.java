package ai.perstack.server;

import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a job may not do: outlive its application, grow without bound, or step while paused. */
class JobGuardsTest extends ApiTest {

    @Test
    void continueIsRefusedOnceTheApplicationIsInactiveOrDeleted() {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("Quick");
        f.await(id, "completed");
        expect(f.api.post("/api/v1/applications/" + f.applicationId, Map.of("status", "inactive")), 200);
        Res inactive = expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("query", "Again")), 409);
        assertThat(inactive.json().get("reason").asText()).contains(f.applicationId).contains("inactive");
        assertThat(f.job(id).get("status").asText()).isEqualTo("completed");

        expect(f.api.delete("/api/v1/applications/" + f.applicationId), 200);
        Res deleted = expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("query", "Again")), 409);
        assertThat(deleted.json().get("reason").asText()).contains(f.applicationId).contains("deleted");
        JobsFixture.sleep(300);
        assertThat(f.job(id).get("status").asText()).isEqualTo("completed");
        assertThat(f.checkpoints(id)).hasSize(3);
    }

    @Test
    void filesAreASetAndAJobHoldsAtMostTheLimit() {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("Quick", "files", List.of("a.txt", "b.txt"));
        f.await(id, "completed");
        for (int i = 0; i < 3; i++) {
            expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("files", List.of("b.txt", "c.txt"))), 200);
            f.await(id, "completed");
        }
        assertThat(f.job(id).get("files")).extracting(JsonNode::asText).containsExactly("a.txt", "b.txt", "c.txt");

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 998; i++) {
            many.add("f" + i);
        }
        expectInvalid(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("files", many)), "files");
        assertThat(f.job(id).get("files")).hasSize(3);
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("files", many.subList(0, 997))), 200);
        f.await(id, "completed");
        assertThat(f.job(id).get("files")).hasSize(1000);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add("g" + i);
        }
        expectInvalid(f.start("Quick", "files", tooMany), "files");
    }

    @Test
    void aPausedJobWritesNoFurtherCheckpointUntilItIsResumed() {
        JobsFixture f = new JobsFixture(newOrg());
        // Every step sleeps, so a step is always in flight when the pause arrives.
        String id = f.startId("/steps 40\n/sleep 250\nLong");
        for (int round = 0; round < 3; round++) {
            awaitCheckpoint(f, id);
            JsonNode paused = expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 200).data("job");
            assertThat(paused.get("status").asText()).isEqualTo("paused");
            int steps = paused.get("totalSteps").asInt();
            JobsFixture.sleep(700);
            JsonNode job = f.job(id);
            assertThat(job.get("totalSteps").asInt()).as("round %d: %s", round, job).isEqualTo(steps);
            assertThat(f.checkpoints(id)).as("round %d", round).hasSize(steps);
            expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "running")), 200);
        }
        JsonNode done = f.await(id, "completed");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).hasSize(done.get("totalSteps").asInt());
        for (int i = 0; i < cps.size(); i++) {
            assertThat(cps.get(i).get("sequence").asInt()).isEqualTo(i + 1);
        }
    }

    /**
     * A pause and a continue that raises the step budget, both while a step is still running: the
     * step's commit finds the row changed under it (queued, a new updated_at) and commits from the
     * row as the API left it, so the new budget is kept and no step is lost or repeated.
     */
    @Test
    void aContinueWhileThePausedJobsStepStillRunsKeepsTheNewStepBudget() {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("/steps 4\n/sleep 400\nLong", "maxSteps", 20);
        awaitCheckpoint(f, id);
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 200);
        expect(f.api.post("/api/v1/jobs/" + id + "/continue", Map.of("maxSteps", 7)), 200);
        JsonNode done = f.await(id, "completed");
        assertThat(done.get("maxSteps").asInt()).isEqualTo(27);
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).hasSize(done.get("totalSteps").asInt());
        for (int i = 0; i < cps.size(); i++) {
            assertThat(cps.get(i).get("sequence").asInt()).isEqualTo(i + 1);
        }
    }

    /** Waits for the job's next checkpoint (at most 10 s), so the pause lands while a step runs. */
    private static void awaitCheckpoint(JobsFixture f, String id) {
        int before = f.job(id).get("totalSteps").asInt();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (f.job(id).get("totalSteps").asInt() == before) {
            assertThat(System.nanoTime()).as("job %s takes a step", id).isLessThan(deadline);
            JobsFixture.sleep(10);
        }
    }
}
