package ai.perstack.server.jobs;

import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step the runtime took, ready to be committed: the run it belongs to, the checkpoint's
 * status and activity, and what it does to the job ({@code jobStatus} null = the job goes on).
 */
record StepResult(String runId, int stepNumber, Definition.Member expert, String status, ObjectNode activity,
                  Usage usage, String jobStatus, String result, ErrorInfo error) {

    /** An error of a job or a checkpoint. */
    record ErrorInfo(String name, String message, boolean retryable) {
    }

    /** The same step, stopping the job because its step budget ran out. */
    StepResult stoppedByMaxSteps() {
        return new StepResult(runId, stepNumber, expert, JobStatus.CP_MAX_STEPS, activity, usage,
                JobStatus.STOPPED_BY_MAX_STEPS, result, error);
    }
}
