package ai.perstack.server.jobs;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.store.JobRecord;
import java.time.Instant;

/**
 * What {@code continue} does to a job, by the status it stops in:
 * <ul>
 * <li>{@code stoppedByInteractiveTool} with {@code interactiveToolCallResult: true}: the query
 *     answers the pending tool call and the same run goes on;</li>
 * <li>{@code completed}, or {@code stoppedByInteractiveTool} without an answer: the
 *     coordinator starts a new run on the query (the original one when none is given);</li>
 * <li>{@code stoppedByMaxSteps}: the same run goes on with {@code maxSteps} more steps (required);</li>
 * <li>{@code paused}: the job goes on where it paused.</li>
 * </ul>
 * Any other status is a 409. The job goes back to {@code queued}. Files are added as a set:
 * a name the job already holds is not added again.
 */
final class JobContinuation {
    private JobContinuation() {
    }

    static void apply(JobRecord job, JobRequests.Continue in, ModelProvider provider, Instant now) {
        if (!JobStatus.CONTINUABLE.contains(job.status)) {
            throw ApiException.conflict("cannot continue a " + job.status + " job");
        }
        boolean answering = in.interactiveToolCallResult();
        if (answering && !JobStatus.STOPPED_BY_INTERACTIVE_TOOL.equals(job.status)) {
            throw ApiException.conflict("the job has no pending interactive tool call (it is " + job.status + ")");
        }
        if (JobStatus.STOPPED_BY_MAX_STEPS.equals(job.status) && in.maxSteps() == null) {
            throw ApiException.invalid("maxSteps", "is required to continue a job that used up its step budget");
        }
        RunState state = RunState.parse(job.stateJson);
        boolean newRun = JobStatus.COMPLETED.equals(job.status)
                || (JobStatus.STOPPED_BY_INTERACTIVE_TOOL.equals(job.status) && !answering);
        if (answering) {
            state.top().put("answer", in.query());
            state.top().remove("pendingToolCallId");
        } else if (newRun) {
            Definition.Member coordinator = Definition.parse(job.definitionJson).coordinator();
            String query = in.query() != null ? in.query() : job.query;
            if (provider != null) {
                try {
                    provider.checkQuery(query, coordinator.expert());
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("query", e.getMessage());
                }
            }
            state = RunState.start(coordinator.key(), query);
        }
        if (in.provider() != null) {
            job.provider = in.provider();
        }
        if (in.model() != null) {
            job.model = in.model();
        }
        if (in.maxSteps() != null) {
            job.maxSteps += in.maxSteps();
        }
        if (in.files() != null && !in.files().isEmpty()) {
            job.filesJson = JobJson.files(JobFiles.merge(JobJson.files(job.filesJson), in.files()));
        }
        job.stateJson = state.toJson();
        job.status = JobStatus.QUEUED;
        job.result = null;
        job.errorName = null;
        job.errorMessage = null;
        job.errorRetryable = null;
        job.finishedAt = null;
        job.updatedAt = now;
    }
}
