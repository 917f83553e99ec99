package ai.perstack.client.jobs;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A list of checkpoints: {@code {"data": {"checkpoints": [...]}, "meta": {...}}}.
 *
 * @param data the payload
 * @param meta total and page
 * @param json the whole body as received
 */
public record ListCheckpointsResponse(Data data, ListMeta meta, JsonNode json) {

    /** @param checkpoints the checkpoints */
    public record Data(List<Checkpoint> checkpoints) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListCheckpointsResponse} read from {@code in}
     */
    static ListCheckpointsResponse read(JsonIn in) {
        return new ListCheckpointsResponse(new Data(in.object("data").list("checkpoints", Checkpoint::read)), in.object("meta", ListMeta::read), in.node());
    }
}
