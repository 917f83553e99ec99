package ai.perstack.client.jobs;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code jobs.update}: pause a running job or resume a paused one.
 *
 * @param status {@code paused} or {@code running}
 */
public record UpdateJobInput(JobStatus status) {

    /**
     * Checks required fields.
     *
     * @param status {@code paused} or {@code running}
     */
    public UpdateJobInput {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
    }

    /**
     * The input for {@code status}.
     *
     * @param status {@code paused} or {@code running}
     * @return the input for {@code status}
     */
    public static UpdateJobInput of(JobStatus status) {
        return new UpdateJobInput(status);
    }

    /**
     * The input for the wire value {@code status} ({@code paused} or {@code running}).
     *
     * @param status {@code paused} or {@code running}
     * @return the input for the wire value {@code status} ({@code paused} or {@code running})
     */
    public static UpdateJobInput of(String status) {
        return new UpdateJobInput(status == null ? null : JobStatus.of(status));
    }

    /**
     * Pauses at the next step boundary.
     *
     * @return the input
     */
    public static UpdateJobInput pause() {
        return new UpdateJobInput(JobStatus.PAUSED);
    }

    /**
     * Resumes a paused job.
     *
     * @return the input
     */
    public static UpdateJobInput resume() {
        return new UpdateJobInput(JobStatus.RUNNING);
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        return Json.object().put("status", status.value());
    }
}
