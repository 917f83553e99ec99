package ai.perstack.client.env;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * All variables of the organization, sorted by name: {@code {"data": {"variables": [...]}, "meta": {"total": N}}}.
 *
 * @param data the payload
 * @param meta the total, when the server sends it
 * @param json the whole body as received
 */
public record ListVariablesResponse(Data data, Optional<ListMeta> meta, JsonNode json) {

    /** @param variables the variables */
    public record Data(List<Variable> variables) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListVariablesResponse} read from {@code in}
     */
    static ListVariablesResponse read(JsonIn in) {
        return new ListVariablesResponse(new Data(in.object("data").list("variables", Variable::read)),
                in.optObject("meta", ListMeta::read), in.node());
    }
}
