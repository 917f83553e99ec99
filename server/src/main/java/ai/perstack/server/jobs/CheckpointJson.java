package ai.perstack.server.jobs;

import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.OptionalLong;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds checkpoints and activities in the wire shape of the contract; they are stored as such. */
final class CheckpointJson {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private CheckpointJson() {
    }

    /** An activity with the fields every type has. */
    static ObjectNode activity(String type, String id, String expertKey, String runId) {
        return JsonNodeFactory.instance.objectNode().put("type", type).put("id", id).put("expertKey", expertKey)
                .put("runId", runId);
    }

    /**
     * The checkpoint of a step. {@code total} is the job's usage up to and including the step (core's running total);
     * {@code contextWindow} the model's context size, or empty when the model is unknown.
     */
    static ObjectNode checkpoint(String jobId, int sequence, StepResult step, Usage total, OptionalLong contextWindow,
                                 Instant startedAt, Instant finishedAt) {
        ObjectNode cp = JsonNodeFactory.instance.objectNode();
        cp.put("id", step.checkpointId()).put("jobId", jobId).put("runId", step.runId()).put("sequence", sequence)
                .put("stepNumber", step.stepNumber()).put("status", step.status());
        cp.putObject("expert").put("key", step.expert().key()).put("name", step.expert().name())
                .put("version", step.expert().version());
        cp.set("activity", step.activity());
        cp.set("usage", usage(total));
        if (contextWindow.isPresent()) {
            cp.put("contextWindow", contextWindow.getAsLong());
            cp.put("contextWindowUsage", (double) (total.inputTokens() + total.cachedInputTokens() + total.outputTokens())
                    / contextWindow.getAsLong());
        }
        if (step.fields() != null) {
            cp.setAll(step.fields());
        }
        if (step.error() != null) {
            ObjectNode error = cp.putObject("error").put("name", step.error().name())
                    .put("message", step.error().message()).put("isRetryable", step.error().retryable());
            if (step.error().statusCode() != null) {
                error.put("statusCode", step.error().statusCode());
            }
        }
        cp.put("startedAt", timestamp(startedAt)).put("finishedAt", timestamp(finishedAt));
        return cp;
    }

    static ObjectNode usage(Usage u) {
        return JsonNodeFactory.instance.objectNode().put("inputTokens", u.inputTokens())
                .put("outputTokens", u.outputTokens()).put("reasoningTokens", u.reasoningTokens())
                .put("cachedInputTokens", u.cachedInputTokens()).put("totalTokens", u.totalTokens());
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
