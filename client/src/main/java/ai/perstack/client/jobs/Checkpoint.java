package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One step a job's runtime took, recorded once and never changed.
 *
 * @param id                 the checkpoint id
 * @param jobId              the job
 * @param runId              the run (the coordinator's, or a delegate's own)
 * @param sequence           1, 2, 3... per job, without gaps; the SSE event id
 * @param stepNumber         the step number within the job
 * @param status             the status (open)
 * @param expert             the expert that took the step
 * @param activity           what the step did
 * @param usage              tokens of this step
 * @param contextWindowUsage fraction of the model's context window in use, 0..1
 * @param error              the step's error, if it failed
 * @param startedAt          when the step started
 * @param finishedAt         when the step ended
 * @param json               the object as received
 */
public record Checkpoint(String id, String jobId, String runId, long sequence, long stepNumber, CheckpointStatus status,
                         CheckpointExpert expert, Activity activity, Usage usage, OptionalDouble contextWindowUsage,
                         Optional<JobError> error, Instant startedAt, Optional<Instant> finishedAt, JsonNode json) {

    /**
     * Reads a checkpoint object.
     *
     * @param in the JSON object to read
     * @return the {@code Checkpoint} read from {@code in}
     */
    @SuppressWarnings("exports") // used by the client across its packages; JsonIn is not API
    public static Checkpoint read(JsonIn in) {
        return new Checkpoint(in.string("id"), in.string("jobId"), in.string("runId"), in.integer("sequence"),
                in.integer("stepNumber"), CheckpointStatus.of(in.string("status")),
                in.object("expert", CheckpointExpert::read), in.object("activity", ActivityReader::read),
                in.object("usage", Usage::read), in.optNumber("contextWindowUsage"), in.optObject("error", JobError::read),
                in.instant("startedAt"), in.optInstant("finishedAt"), in.node());
    }
}
