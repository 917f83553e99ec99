package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of an expert scope: {@code {"data": {"scope": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record ExpertScopeResponse(Data data, JsonNode json) {

    /** @param scope an expert scope */
    public record Data(ExpertScope scope) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertScopeResponse} read from {@code in}
     */
    static ExpertScopeResponse read(JsonIn in) {
        return new ExpertScopeResponse(new Data(in.object("data").object("scope", ExpertScope::read)), in.node());
    }
}
