package ai.perstack.client.experts;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A list of expert scopes: {@code {"data": {"experts": [...]}, "meta": {...}}}.
 *
 * @param data the payload
 * @param meta total and page
 * @param json the whole body as received
 */
public record ListExpertsResponse(Data data, ListMeta meta, JsonNode json) {

    /** @param experts the expert scopes */
    public record Data(List<ExpertScope> experts) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListExpertsResponse} read from {@code in}
     */
    static ListExpertsResponse read(JsonIn in) {
        return new ListExpertsResponse(new Data(in.object("data").list("experts", ExpertScope::read)), in.object("meta", ListMeta::read), in.node());
    }
}
