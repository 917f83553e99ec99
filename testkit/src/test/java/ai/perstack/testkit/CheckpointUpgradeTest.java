package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.ListCheckpointsParams;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.client.jobs.ReasoningBudget;
import ai.perstack.client.jobs.UpdateJobInput;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs the previous release's runtime really ran ({@link TurnOneStore}: every path of its mock
 * provider — plain, todos and a delegation, an answered and a waiting interactive stop after a
 * retry, a job stopped by error, one stopped by its step budget, a paused and a canceled one) are
 * read back by the current server, which migrated them, and every checkpoint is in core's shapes;
 * the unfinished ones (waiting for an answer, out of steps, paused) then go on to completion.
 */
class CheckpointUpgradeTest {

    @ParameterizedTest
    @EnumSource(TurnOneStore.Backend.class)
    void theNewServerReadsTheFirstServersCheckpointsInCoreShapes(TurnOneStore.Backend backend) throws Exception {
        try (TurnOneStore.Opened store = TurnOneStore.open(backend)) {
            PerstackClient client = store.client();
            List<Job> jobs = client.jobs().list(ListJobsParams.builder().take(100).build()).orElseThrow().data().jobs();
            assertThat(jobs).hasSize(8);
            for (Job job : jobs) {
                everyCheckpointIsCoreShaped(client, job);
            }
            plainJob(client, job(jobs, "Write a report"));
            delegatingJob(client, job(jobs, "/todo A; B\n/delegate helper Check the facts\nWrite a report"));
            answeredJob(client, job(jobs, "/fail-once\n/ask Ship it?\nRelease 1.0"));
            waitingJob(client, job(jobs, "/ask Which branch?\nTag the release"));
            failedJob(client, job(jobs, "/fail\nWrite a report"));
            maxStepsJob(client, job(jobs, "/steps 5\nCount to five"));
            interruptedJob(client, job(jobs, "/steps 40\n/sleep 100\nA long task"), "paused");
            interruptedJob(client, job(jobs, "/steps 40\n/sleep 100\nAn abandoned task"), "canceled");

            // The unfinished jobs' migrated runtime state lets them go on under the new runtime.
            Job waiting = job(jobs, "/ask Which branch?\nTag the release");
            client.jobs().continueJob(waiting.id(), ContinueJobInput.answer("main")).orElseThrow();
            assertThat(settled(client, waiting.id()).result()).contains("Done: Tag the release (answer: main)");
            Job budget = job(jobs, "/steps 5\nCount to five");
            client.jobs().continueJob(budget.id(), ContinueJobInput.builder().maxSteps(10).build()).orElseThrow();
            Job continued = settled(client, budget.id());
            assertThat(continued.result()).contains("Done: Count to five");
            assertThat(checkpoints(client, budget.id())).extracting(c -> c.activity().type())
                    .containsExactly("query", "generalTool", "generalTool", "generalTool", "generalTool", "generalTool", "complete");
            Job paused = job(jobs, "/steps 40\n/sleep 100\nA long task");
            client.jobs().update(paused.id(), UpdateJobInput.resume()).orElseThrow();
            Job resumed = settled(client, paused.id());
            assertThat(resumed.result()).contains("Done: A long task");
            assertThat(resumed.totalSteps()).isEqualTo(42);
        }
    }

    /** The job once it is neither queued nor running (bounded: at most 600 polls, 100 ms apart). */
    private static Job settled(PerstackClient client, String jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Job job = client.jobs().get(jobId).orElseThrow().data().job();
            if (!List.of("queued", "running").contains(job.status().value())) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " did not settle");
    }

    /** Step numbers count from 1 without gaps, every step but a run's first links to the one before, usage only grows. */
    private static void everyCheckpointIsCoreShaped(PerstackClient client, Job job) {
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).hasSize((int) job.totalSteps());
        for (int i = 0; i < cps.size(); i++) {
            Checkpoint cp = cps.get(i);
            assertThat(cp.stepNumber()).isEqualTo(i + 1L);
            assertThat(cp.jobId()).isEqualTo(job.id());
            assertThat(cp.activity().type()).as("a core activity type").isIn("query", "todo", "generalTool", "delegate",
                    "delegationComplete", "interactiveTool", "retry", "error", "complete");
            assertThat(cp.activities()).isNotEmpty();
            if (i > 0) {
                assertThat(cp.usage().inputTokens()).isGreaterThanOrEqualTo(cps.get(i - 1).usage().inputTokens());
                if (!cp.activity().type().equals("query")) { // a query starts a run: nothing before it
                    assertThat(cp.activity().common().previousActivityId()).isPresent();
                }
            }
        }
        assertThat(cps.get(0).activity().type()).isEqualTo("query");
        assertThat(((Activity.Query) cps.get(0).activity()).text()).isEqualTo(job.query().orElseThrow());
        if (job.status().value().equals("completed")) {
            assertThat(cps.get(cps.size() - 1).usage().inputTokens()).isLessThanOrEqualTo(job.usage().inputTokens());
        }
    }

    private static void plainJob(PerstackClient client, Job job) {
        assertThat(job.status().value()).isEqualTo("completed");
        assertThat(job.result()).contains("Done: Write a report");
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "generalTool", "complete");
        assertThat(cps.get(2).usage().totalTokens()).isEqualTo(job.usage().totalTokens());
    }

    private static void delegatingJob(PerstackClient client, Job job) {
        assertThat(job.reasoningBudget()).isEqualTo(ReasoningBudget.MEDIUM);
        assertThat(job.result()).contains("Done: Write a report");
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "todo", "generalTool",
                "delegate", "query", "generalTool", "complete", "delegationComplete", "complete");
        assertThat(cps.get(8).usage().totalTokens()).isEqualTo(job.usage().totalTokens());

        Activity.Todo todo = (Activity.Todo) cps.get(1).activity();
        assertThat(todo.todos()).extracting(Activity.TodoItem::id).containsExactly(0L, 1L);
        assertThat(todo.todos()).extracting(Activity.TodoItem::title).containsExactly("A", "B");
        Activity.GeneralTool work = (Activity.GeneralTool) cps.get(2).activity();
        assertThat(work.result().orElseThrow().get(0).get("text").asText()).isEqualTo("Working on: Write a report");
        assertThat(work.common().previousActivityId()).contains(todo.id());

        Checkpoint delegating = cps.get(3);
        Activity.Delegate delegate = (Activity.Delegate) delegating.activity();
        assertThat(delegate.delegateExpertKey()).isEqualTo("helper");
        assertThat(delegate.query()).isEqualTo("Check the facts");
        assertThat(delegating.delegateTo()).singleElement().satisfies(t -> {
            assertThat(t.expert().key()).isEqualTo("helper");
            assertThat(t.expert().name()).isEqualTo("Checker");
            assertThat(t.query()).isEqualTo("Check the facts");
        });
        for (Checkpoint child : cps.subList(4, 7)) {
            assertThat(child.runId()).isNotEqualTo(delegating.runId());
            assertThat(child.delegatedBy()).hasValueSatisfying(by -> {
                assertThat(by.checkpointId()).isEqualTo(delegating.id());
                assertThat(by.runId()).isEqualTo(delegating.runId());
                assertThat(by.toolCallId()).isEqualTo(delegating.delegateTo().get(0).toolCallId());
            });
            assertThat(child.activity().common().delegatedBy()).hasValueSatisfying(by -> assertThat(by.expertKey()).isEqualTo("main"));
        }
        Activity.DelegationComplete back = (Activity.DelegationComplete) cps.get(7).activity();
        assertThat(back.count()).isEqualTo(1);
        assertThat(back.common().previousActivityId()).contains(delegate.id());
        assertThat(cps.get(7).delegatedBy()).isEmpty();
        assertThat(cps.get(7).runId()).isEqualTo(delegating.runId());
        assertThat(((Activity.Complete) cps.get(6).activity()).text()).isEqualTo("Done: Check the facts");
    }

    private static void answeredJob(PerstackClient client, Job job) {
        assertThat(job.status().value()).isEqualTo("completed");
        assertThat(job.result()).contains("Done: Release 1.0 (answer: yes)");
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "retry", "generalTool", "interactiveTool", "complete");
        assertThat(cps).extracting(Checkpoint::retryCount).containsExactly(0L, 1L, 0L, 0L, 0L);
        assertThat(((Activity.Retry) cps.get(1).activity()).error()).isEqualTo("MockProviderError");
        Activity.InteractiveTool ask = (Activity.InteractiveTool) cps.get(3).activity();
        assertThat(ask.toolName()).isEqualTo("askUser");
        assertThat(ask.args().get("question").asText()).isEqualTo("Ship it?");
        assertThat(ask.json().has("toolCallId")).isFalse();
        assertThat(cps.get(3).status().value()).isEqualTo("stoppedByInteractiveTool");
    }

    private static void waitingJob(PerstackClient client, Job job) {
        assertThat(job.status().value()).isEqualTo("stoppedByInteractiveTool");
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "generalTool", "interactiveTool");
        Activity.InteractiveTool ask = (Activity.InteractiveTool) cps.get(2).activity();
        assertThat(ask.skillName()).isEqualTo("ask");
        assertThat(cps.get(2).pendingToolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).startsWith("call_");
            assertThat(call.skillName()).isEqualTo("ask");
            assertThat(call.toolName()).isEqualTo("askUser");
        });
    }

    private static void failedJob(PerstackClient client, Job job) {
        assertThat(job.reasoningBudget()).isEqualTo(ReasoningBudget.HIGH);
        assertThat(job.status().value()).isEqualTo("stoppedByError");
        assertThat(job.error()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("MockProviderError"));
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "retry", "error");
        Activity.Error error = (Activity.Error) cps.get(2).activity();
        assertThat(error.errorName()).contains("MockProviderError");
        assertThat(cps.get(2).error()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("MockProviderError"));
        assertThat(cps).extracting(Checkpoint::retryCount).containsExactly(0L, 1L, 1L);
    }

    private static void maxStepsJob(PerstackClient client, Job job) {
        assertThat(job.status().value()).isEqualTo("stoppedByMaxSteps");
        assertThat(job.maxSteps()).isEqualTo(3);
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "generalTool", "generalTool");
        assertThat(cps.get(2).status().value()).isEqualTo("stoppedByExceededMaxSteps");
    }

    /** Paused and canceled mid-run: how many steps it took first depends on timing; their shapes do not. */
    private static void interruptedJob(PerstackClient client, Job job, String status) {
        assertThat(job.status().value()).isEqualTo(status);
        List<Checkpoint> cps = checkpoints(client, job.id());
        assertThat(cps.size()).isBetween(3, 41);
        assertThat(cps.subList(1, cps.size())).allSatisfy(cp -> {
            assertThat(cp.activity().type()).isEqualTo("generalTool");
            assertThat(cp.status().value()).isEqualTo("proceeding");
        });
    }

    private static Job job(List<Job> jobs, String query) {
        return jobs.stream().filter(j -> j.query().orElse("").equals(query)).findFirst()
                .orElseThrow(() -> new AssertionError("no job with query " + query));
    }

    private static List<Checkpoint> checkpoints(PerstackClient client, String jobId) {
        return client.jobs().checkpoints().list(jobId, ListCheckpointsParams.builder().take(100).build())
                .orElseThrow().data().checkpoints();
    }
}
