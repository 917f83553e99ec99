package ai.perstack.server.jobs;

import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step the runtime took, ready to be committed: the checkpoint's id, the run it belongs to,
 * the checkpoint's status, activity and further core fields ({@code fields}: delegateTo,
 * delegatedBy, pendingToolCalls, retryCount), the step's own usage, and what it does to the job
 * ({@code jobStatus} null = the job goes on).
 */
record StepResult(String checkpointId, String runId, int stepNumber, Definition.Member expert, String status,
                  ObjectNode activity, ObjectNode fields, Usage usage, String jobStatus, String result,
                  ErrorInfo error) {

    /** An error of a job or a checkpoint; {@code statusCode} is the model's HTTP status, or null. */
    record ErrorInfo(String name, String message, boolean retryable, Integer statusCode) {
    }

    /** The same step, stopping the job because its step budget ran out. */
    StepResult stoppedByMaxSteps() {
        return new StepResult(checkpointId, runId, stepNumber, expert, JobStatus.CP_MAX_STEPS, activity, fields, usage,
                JobStatus.STOPPED_BY_MAX_STEPS, result, error);
    }
}
