package ai.perstack.testkit;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListCheckpointsParams;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.jobs.UpdateJobInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@PerstackLocal
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsEndToEndTest {
    private String applicationId;

    @BeforeAll
    void publishAnExpert(LocalPerstack local) {
        applicationId = local.createApplication("jobs e2e").id();
        local.publishExpert("@local/writer", "1.0.0", "writer.json", applicationId);
    }

    private Job start(PerstackClient client, String query) {
        return client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/writer")
                .query(query).provider("mock").build()).orElseThrow().data().job();
    }

    private static List<Checkpoint> streamAll(CheckpointStream stream) {
        List<Checkpoint> out = new ArrayList<>();
        for (ApiResult<Checkpoint> r : stream) {
            out.add(r.orElseThrow());
        }
        return out;
    }

    @Test
    void aDefaultMockJobTakesThreeStepsAndCompletes(PerstackClient client) {
        Job job = start(client, "Write a haiku");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.resolvedExpertKey()).isEqualTo("@local/writer@1.0.0");
        try (CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            List<Checkpoint> checkpoints = streamAll(stream);
            assertThat(checkpoints).extracting(Checkpoint::sequence).containsExactly(1L, 2L, 3L);
            assertThat(checkpoints.get(0).activity()).isInstanceOf(Activity.Query.class);
            Activity.GeneralTool work = (Activity.GeneralTool) checkpoints.get(1).activity();
            assertThat(work.toolName()).isEqualTo("work");
            assertThat(work.result().orElseThrow().get(0).get("text").asText()).isEqualTo("Working on: Write a haiku");
            assertThat(((Activity.Complete) checkpoints.get(2).activity()).text()).isEqualTo("Done: Write a haiku");
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
        }
        Job done = client.jobs().get(job.id()).orElseThrow().data().job();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result()).contains("Done: Write a haiku");
        assertThat(done.totalSteps()).isEqualTo(3);
        assertThat(done.usage().totalTokens()).isPositive();

        var listed = client.jobs().checkpoints().list(job.id(), ListCheckpointsParams.builder().order("desc").take(2).build()).orElseThrow();
        assertThat(listed.data().checkpoints()).extracting(Checkpoint::sequence).containsExactly(3L, 2L);
        assertThat(listed.meta().total()).isEqualTo(3);
        String id = listed.data().checkpoints().get(0).id();
        assertThat(client.jobs().checkpoints().get(job.id(), id).orElseThrow().data().checkpoint().sequence()).isEqualTo(3);
    }

    @Test
    void askStopsTheJobAndContinueAnswersIt(PerstackClient client) {
        Job job = start(client, "Greet the users\n/ask Who is the audience?");
        long last;
        try (CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            List<Checkpoint> checkpoints = streamAll(stream);
            Activity ask = checkpoints.get(checkpoints.size() - 1).activity();
            assertThat(ask).isInstanceOf(Activity.InteractiveTool.class);
            assertThat(((Activity.InteractiveTool) ask).args().get("question").asText()).isEqualTo("Who is the audience?");
            assertThat(stream.doneStatus()).contains(JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
            last = stream.lastSequence();
        }
        client.jobs().continueJob(job.id(), ContinueJobInput.answer("Java developers")).orElseThrow();
        try (CheckpointStream stream = client.jobs().checkpoints().stream(job.id(),
                StreamRequestOptions.builder().header("Last-Event-ID", Long.toString(last)).build())) {
            List<Checkpoint> rest = streamAll(stream);
            assertThat(rest.get(0).sequence()).isEqualTo(last + 1);
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
        }
        assertThat(client.jobs().get(job.id()).orElseThrow().data().job().result())
                .contains("Done: Greet the users (answer: Java developers)");
    }

    @Test
    void pauseResumeAndCancelFollowTheStateRules(PerstackClient client) throws Exception {
        Job job = start(client, "Long task\n/steps 200\n/sleep 20");
        awaitStatus(client, job.id(), JobStatus.RUNNING);
        assertThat(client.jobs().update(job.id(), UpdateJobInput.pause()).ok()).isTrue();
        awaitStatus(client, job.id(), JobStatus.PAUSED);
        assertThat(client.jobs().update(job.id(), UpdateJobInput.resume()).orElseThrow().data().job().status())
                .isIn(JobStatus.RUNNING, JobStatus.QUEUED);
        assertThat(client.jobs().cancel(job.id()).orElseThrow().data().job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(client.jobs().cancel(job.id()).orElseThrow().data().job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(client.jobs().update(job.id(), UpdateJobInput.pause()).error().code()).isEqualTo(409);
        assertThat(client.jobs().list(ListJobsParams.builder().filter("status:canceled applicationId:" + applicationId).build())
                .orElseThrow().data().jobs()).extracting(Job::id).contains(job.id());
    }

    @Test
    void manySubscribersSeeTheSameSequence(PerstackClient client) throws Exception {
        Job job = start(client, "Fan out\n/steps 20\n/sleep 10");
        List<CompletableFuture<List<Long>>> subscribers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CheckpointStream stream = client.jobs().checkpoints().stream(job.id(),
                    StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(20)).build());
            List<Long> seen = new ArrayList<>();
            subscribers.add(stream.forEachAsync(r -> seen.add(r.orElseThrow().sequence())).thenApply(s -> seen));
        }
        List<Long> expected = null;
        for (CompletableFuture<List<Long>> s : subscribers) {
            List<Long> seen = s.get();
            if (expected == null) {
                expected = seen;
            }
            assertThat(seen).isEqualTo(expected);
        }
        assertThat(expected).hasSize(22).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void startRejectsAnUnknownExpertAndAMissingQuery(PerstackClient client) {
        var unknown = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/nobody")
                .query("x").provider("mock").build());
        assertThat(unknown.error().code()).isEqualTo(400);
        var unavailable = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/writer")
                .query("x").provider("amazon-bedrock").build());
        assertThat(unavailable.error().code()).isEqualTo(400);
        assertThat(unavailable.error().message()).contains("amazon-bedrock is not available on this server");
    }

    private static void awaitStatus(PerstackClient client, String jobId, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.jobs().get(jobId).orElseThrow().data().job().status().equals(status)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + jobId + " did not reach " + status);
    }
}
