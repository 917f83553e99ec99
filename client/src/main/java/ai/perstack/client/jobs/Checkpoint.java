package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One step a job's runtime took, recorded once and never changed, with Perstack core's checkpoint fields.
 *
 * @param id                 the checkpoint id
 * @param jobId              the job
 * @param runId              the run (the coordinator's, or a delegate's own)
 * @param sequence           1, 2, 3... per job, without gaps; the SSE event id
 * @param stepNumber         the step number, counted from 1 through the whole job, across runs
 * @param status             the status (open)
 * @param expert             the expert that took the step
 * @param activity           what the step did (its first activity)
 * @param activities         everything the step did, in order; {@code activity} is the first
 * @param usage              tokens of the job so far (the running total up to and including this step)
 * @param contextWindow      the model's context size, when the model is known
 * @param contextWindowUsage the running total's share of the context window; may exceed 1
 * @param retryCount         failed generations in a row before this step
 * @param delegateTo         the delegates handed work, when stopped by delegation
 * @param delegatedBy        in a delegate's run: the parent's call
 * @param pendingToolCalls   tool calls still waiting for a result (an interactive stop's first is the one to answer)
 * @param partialToolResults results of the step's skill calls held until its delegates or interactive calls are answered
 * @param error              the step's error, if it failed
 * @param startedAt          when the step started
 * @param finishedAt         when the step ended
 * @param json               the object as received
 */
public record Checkpoint(String id, String jobId, String runId, long sequence, long stepNumber, CheckpointStatus status,
                         CheckpointExpert expert, Activity activity, List<Activity> activities, Usage usage,
                         OptionalLong contextWindow, OptionalDouble contextWindowUsage, long retryCount,
                         List<DelegationTarget> delegateTo, Optional<CheckpointDelegatedBy> delegatedBy,
                         List<ToolCall> pendingToolCalls, List<ToolResult> partialToolResults,
                         Optional<JobError> error, Instant startedAt,
                         Optional<Instant> finishedAt, JsonNode json) {

    /**
     * Reads a checkpoint object.
     *
     * @param in the JSON object to read
     * @return the {@code Checkpoint} read from {@code in}
     */
    @SuppressWarnings("exports") // used by the client across its packages; JsonIn is not API
    public static Checkpoint read(JsonIn in) {
        // Fields are read in wire order, so the first missing one is the one an error names.
        String id = in.string("id");
        String jobId = in.string("jobId");
        String runId = in.string("runId");
        long sequence = in.integer("sequence");
        long stepNumber = in.integer("stepNumber");
        CheckpointStatus status = CheckpointStatus.of(in.string("status"));
        CheckpointExpert expert = in.object("expert", CheckpointExpert::read);
        List<Activity> activities = ActivityReader.readAll(in);
        return new Checkpoint(id, jobId, runId, sequence, stepNumber, status, expert, activities.get(0), activities,
                in.object("usage", Usage::read), in.optInteger("contextWindow"), in.optNumber("contextWindowUsage"),
                in.integer("retryCount", 0), in.listOrEmpty("delegateTo", DelegationTarget::read),
                in.optObject("delegatedBy", CheckpointDelegatedBy::read),
                in.listOrEmpty("pendingToolCalls", ToolCall::read),
                in.listOrEmpty("partialToolResults", ToolResult::read), in.optObject("error", JobError::read),
                in.instant("startedAt"), in.optInstant("finishedAt"), in.node());
    }
}
