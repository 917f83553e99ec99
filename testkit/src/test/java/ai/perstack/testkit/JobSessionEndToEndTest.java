package ai.perstack.testkit;

import ai.perstack.client.AbortController;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobSession;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The job session against the real platform: one call from start to the final job. */
@PerstackLocal
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobSessionEndToEndTest {
    private String applicationId;

    @BeforeAll
    void publishAnExpert(LocalPerstack local) {
        applicationId = local.createApplication("sessions").id();
        local.publishExpert("@local/writer", "1.0.0", "writer.json", applicationId);
    }

    private StartJobInput job(String query) {
        return StartJobInput.builder().applicationId(applicationId).expertKey("@local/writer").provider("mock").query(query).build();
    }

    private static List<Long> sequences(List<Checkpoint> checkpoints) {
        return checkpoints.stream().map(Checkpoint::sequence).toList();
    }

    @Test
    void startsStreamsAnswersAndReturnsTheFinalJobSeeingEachCheckpointOnce(PerstackClient client) {
        List<Checkpoint> seen = new CopyOnWriteArrayList<>();
        List<String> questions = new CopyOnWriteArrayList<>();
        JobSession session = client.jobs().session()
                .onCheckpoint(seen::add)
                .answer(question -> {
                    questions.add(question.args().path("question").asText());
                    return "Java developers";
                })
                .build();

        Job done = session.start(job("Greet the users\n/ask Who is the audience?\n/steps 3")).orElseThrow();

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result()).contains("Done: Greet the users (answer: Java developers)");
        assertThat(questions).containsExactly("Who is the audience?");
        // Across the continue every checkpoint arrived once, in order, none missing.
        assertThat(sequences(seen)).containsExactlyElementsOf(LongStream.rangeClosed(1, seen.size()).boxed().toList());
        assertThat(seen.size()).isEqualTo(done.totalSteps());
        assertThat(session.jobId()).contains(done.id());
        assertThat(session.lastSequence()).isEqualTo(seen.size());
        assertThat(session.pendingQuestion()).isEmpty();
    }

    @Test
    void withoutAnAnswerItEndsWithTheJobWaitingAndALaterSessionAttachesAndAnswers(PerstackClient client) {
        JobSession asking = client.jobs().session().build();
        Job waiting = asking.start(job("Write a poem\n/ask Which topic?")).orElseThrow();
        assertThat(waiting.status()).isEqualTo(JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
        assertThat(asking.pendingQuestion()).hasValueSatisfying(q -> assertThat(q.args().path("question").asText()).isEqualTo("Which topic?"));

        List<Checkpoint> later = new CopyOnWriteArrayList<>();
        JobSession answering = client.jobs().session().onCheckpoint(later::add).answer(q -> "autumn").build();
        Job done = answering.attach(waiting.id(), asking.lastSequence()).orElseThrow();

        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.result()).contains("Done: Write a poem (answer: autumn)");
        assertThat(sequences(later)).first().isEqualTo(asking.lastSequence() + 1);
        assertThat(sequences(later)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void attachingToAFinishedJobHandsOverItsWholeHistory(PerstackClient client) {
        Job done = client.jobs().session().build().start(job("Say hello")).orElseThrow();
        List<Checkpoint> history = new CopyOnWriteArrayList<>();
        Job again = client.jobs().session().onCheckpoint(history::add).build().attach(done.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(sequences(history)).containsExactly(1L, 2L, 3L);
        assertThat(history.get(2).activity()).isInstanceOf(Activity.Complete.class);
    }

    @Test
    void theAsyncFormRunsOnItsOwnThread(PerstackClient client) {
        List<String> threads = new CopyOnWriteArrayList<>();
        ApiResult<Job> result = client.async().jobs().session()
                .onCheckpoint(c -> threads.add(Thread.currentThread().getName()))
                .answer(q -> "everyone")
                .build()
                .startAsync(job("Greet\n/ask Whom?")).join();
        assertThat(result.orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(threads).isNotEmpty().allMatch(name -> name.equals("perstack-job-session"));
    }

    @Test
    void theAbortSignalEndsTheSessionButNotTheJob(PerstackClient client) {
        AbortController controller = new AbortController();
        List<Checkpoint> seen = new CopyOnWriteArrayList<>();
        JobSession session = client.jobs().session().signal(controller.signal())
                .onCheckpoint(c -> {
                    seen.add(c);
                    if (seen.size() == 2) {
                        controller.abort("enough");
                    }
                })
                .build();

        ApiResult<Job> result = session.start(job("Long task\n/steps 200\n/sleep 20"));

        assertThat(result.ok()).isFalse();
        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().message()).contains("enough");
        assertThat(seen).hasSize(2);
        String jobId = session.jobId().orElseThrow();
        assertThat(client.jobs().get(jobId).orElseThrow().data().job().status()).isIn(JobStatus.QUEUED, JobStatus.RUNNING);
        client.jobs().cancel(jobId).orElseThrow();
    }

    @Test
    void failuresEndTheSessionWithTheirErrorAndASessionRunsOnce(PerstackClient client) {
        JobSession session = client.jobs().session().build();
        ApiResult<Job> unknown = session.start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/nobody")
                .provider("mock").query("x").build());
        assertThat(unknown.error().code()).isEqualTo(400);
        assertThat(unknown.error().requestId()).isPresent();
        assertThatThrownBy(() -> session.attach("any")).isInstanceOf(IllegalStateException.class);
        ApiResult<Job> missing = client.jobs().session().build().attach("no-such-job");
        assertThat(missing.error().code()).isEqualTo(404);
        assertThat(missing.error().requestId()).as("a stream's HTTP error carries its request id too").isPresent();
    }
}
