package ai.perstack.client.jobs;

import ai.perstack.client.ApiError;
import ai.perstack.client.internal.Errors;
import ai.perstack.client.internal.InvalidResponseException;
import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import ai.perstack.client.sse.SseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What one server-sent event means to a {@link CheckpointStream}; {@link #of} reads it. Not the
 * public {@code sse.CheckpointEvents}: the stream ends with an {@code ApiError} naming the field and
 * the problem of a checkpoint that does not read, and takes a {@code done} without a status as done.
 */
sealed interface StreamEvent {
    /** A checkpoint of the job. */
    record Next(Checkpoint checkpoint) implements StreamEvent {
    }

    /** The job finished; {@code status} is null when the event did not say which way. */
    record Done(JobStatus status) implements StreamEvent {
    }

    /** The stream ends with this error: an {@code error} event, or a checkpoint that does not read. */
    record Failed(ApiError error) implements StreamEvent {
    }

    /** An event type this client does not know: ignored, so servers can add types without breaking clients. */
    record Ignored() implements StreamEvent {
    }

    static StreamEvent of(SseEvent event) {
        switch (event.event()) {
            case "checkpoint" -> {
                try {
                    return new Next(Checkpoint.read(JsonIn.of(Json.parse(event.data()), "checkpoint")));
                } catch (InvalidResponseException e) {
                    return new Failed(Errors.invalidResponse(e.field(), e.problem()));
                } catch (IOException e) {
                    return new Failed(Errors.invalidResponse("checkpoint", "must be JSON"));
                }
            }
            case "done" -> {
                JsonNode data = parseQuietly(event.data());
                String status = data != null && data.path("status").isTextual() ? data.get("status").textValue() : null;
                return new Done(status == null ? null : JobStatus.of(status));
            }
            case "error" -> {
                JsonNode data = parseQuietly(event.data());
                String message = data != null && data.path("message").isTextual()
                        ? data.get("message").textValue() : event.data();
                return new Failed(new ApiError(500, "stream error: " + message, null, false));
            }
            default -> {
                return new Ignored();
            }
        }
    }

    private static JsonNode parseQuietly(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            return null;
        }
    }
}
