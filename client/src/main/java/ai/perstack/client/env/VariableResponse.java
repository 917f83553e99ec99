package ai.perstack.client.env;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a single variable: {@code {"data": {"variable": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record VariableResponse(Data data, JsonNode json) {

    /** @param variable the variable */
    public record Data(Variable variable) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code VariableResponse} read from {@code in}
     */
    static VariableResponse read(JsonIn in) {
        return new VariableResponse(new Data(in.object("data").object("variable", Variable::read)), in.node());
    }
}
