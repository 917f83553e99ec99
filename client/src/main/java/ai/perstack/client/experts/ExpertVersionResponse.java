package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a version: {@code {"data": {"version": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record ExpertVersionResponse(Data data, JsonNode json) {

    /** @param version a version */
    public record Data(ExpertVersion version) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertVersionResponse} read from {@code in}
     */
    static ExpertVersionResponse read(JsonIn in) {
        return new ExpertVersionResponse(new Data(in.object("data").object("version", ExpertVersion::read)), in.node());
    }
}
