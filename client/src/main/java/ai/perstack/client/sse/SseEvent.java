package ai.perstack.client.sse;

import java.util.Objects;

/**
 * One event dispatched from a {@code text/event-stream}.
 *
 * @param event the event type; {@code "message"} when the event had no {@code event} field
 *              or an empty one
 * @param data  the data lines joined with LF (the final LF removed, as WHATWG specifies)
 * @param id    the last event ID at dispatch time, {@code ""} when none has been set; it
 *              carries over from earlier events until the server changes it
 */
public record SseEvent(String event, String data, String id) {

    /**
     * Creates an event, checking that no component is null.
     *
     * @param event the event type
     * @param data  the event data
     * @param id    the last event ID
     * @throws NullPointerException if any component is null
     */
    public SseEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(id, "id");
    }
}
