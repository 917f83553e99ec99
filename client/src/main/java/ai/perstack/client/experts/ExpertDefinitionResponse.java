package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of an expert definition: {@code {"data": {"definition": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record ExpertDefinitionResponse(Data data, JsonNode json) {

    /** @param definition an expert definition */
    public record Data(ExpertDefinition definition) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertDefinitionResponse} read from {@code in}
     */
    static ExpertDefinitionResponse read(JsonIn in) {
        return new ExpertDefinitionResponse(new Data(in.object("data").object("definition", ExpertDefinition::read)), in.node());
    }
}
