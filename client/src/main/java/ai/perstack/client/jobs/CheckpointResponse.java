package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a single checkpoint: {@code {"data": {"checkpoint": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record CheckpointResponse(Data data, JsonNode json) {

    /** @param checkpoint a single checkpoint */
    public record Data(Checkpoint checkpoint) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code CheckpointResponse} read from {@code in}
     */
    static CheckpointResponse read(JsonIn in) {
        return new CheckpointResponse(new Data(in.object("data").object("checkpoint", Checkpoint::read)), in.node());
    }
}
