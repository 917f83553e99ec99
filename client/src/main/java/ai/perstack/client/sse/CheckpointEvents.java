package ai.perstack.client.sse;

import ai.perstack.client.internal.InvalidResponseException;
import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.JobStatus;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Typed parsing of a checkpoint event stream, the counterpart of the TypeScript
 * {@code parseCheckpointSSE}. Events of other types are skipped.
 *
 * <pre>{@code
 * try (Stream<CheckpointEvent> events = CheckpointEvents.parse(body)) {
 *     events.forEach(e -> {
 *         if (e instanceof CheckpointEvent.Checkpoint c) {
 *             System.out.println("checkpoint " + c.data().sequence());
 *         } else if (e instanceof CheckpointEvent.Done d) {
 *             System.out.println("done: " + d.status());
 *         } else if (e instanceof CheckpointEvent.Error err) {
 *             System.err.println(err.message());
 *         }
 *     });
 * }
 * }</pre>
 */
public final class CheckpointEvents {

    private CheckpointEvents() {
    }

    /**
     * Parses {@code in} lazily into typed checkpoint events; closing the stream closes {@code in}.
     *
     * @param in the JSON object to read
     * @return the events, read as the stream is consumed
     */
    public static Stream<CheckpointEvent> parse(InputStream in) {
        return SseEvents.parse(in).map(CheckpointEvents::of).flatMap(Optional::stream);
    }

    /**
     * Types one raw event: {@code checkpoint} data must be a checkpoint object, {@code done}
     * data {@code {"status": ...}}, {@code error} data {@code {"message": ...}}. Unreadable data
     * gives an {@link CheckpointEvent.Error} naming the problem; other event types give empty.
     *
     * @param event a raw event
     * @return the typed event, or empty for an event type other than the three
     */
    public static Optional<CheckpointEvent> of(SseEvent event) {
        switch (event.event()) {
            case "checkpoint" -> {
                try {
                    Checkpoint checkpoint = Checkpoint.read(JsonIn.of(Json.parse(event.data()), "checkpoint"));
                    return Optional.of(new CheckpointEvent.Checkpoint(checkpoint, event.id()));
                } catch (InvalidResponseException e) {
                    return Optional.of(new CheckpointEvent.Error("invalid checkpoint: " + e.getMessage()));
                } catch (IOException e) {
                    return Optional.of(new CheckpointEvent.Error("invalid checkpoint: data is not JSON"));
                }
            }
            case "done" -> {
                JsonNode data = parse(event.data());
                if (data == null || !data.path("status").isTextual()) {
                    return Optional.of(new CheckpointEvent.Error("invalid done event: data must be {\"status\": string}"));
                }
                return Optional.of(new CheckpointEvent.Done(JobStatus.of(data.get("status").textValue())));
            }
            case "error" -> {
                JsonNode data = parse(event.data());
                String message = data != null && data.path("message").isTextual() ? data.get("message").textValue() : event.data();
                return Optional.of(new CheckpointEvent.Error(message));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            return null;
        }
    }
}
