package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The expert that took a checkpoint's step.
 *
 * @param key     the key by which the definition names it ({@code main}, or a full key for a published delegate)
 * @param name    its display name
 * @param version the definition's version
 * @param json    the object as received
 */
public record CheckpointExpert(String key, String name, String version, JsonNode json) {

    /**
     * Reads an expert reference.
     *
     * @param in the JSON object to read
     * @return the {@code CheckpointExpert} read from {@code in}
     */
    static CheckpointExpert read(JsonIn in) {
        return new CheckpointExpert(in.string("key"), in.string("name"), in.string("version"), in.node());
    }
}
