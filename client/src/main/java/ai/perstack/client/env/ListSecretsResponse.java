package ai.perstack.client.env;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * All secrets of the organization, sorted by name: {@code {"data": {"secrets": [...]}, "meta": {"total": N}}}.
 *
 * @param data the payload
 * @param meta the total, when the server sends it
 * @param json the whole body as received
 */
public record ListSecretsResponse(Data data, Optional<ListMeta> meta, JsonNode json) {

    /** @param secrets the secrets */
    public record Data(List<Secret> secrets) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListSecretsResponse} read from {@code in}
     */
    static ListSecretsResponse read(JsonIn in) {
        return new ListSecretsResponse(new Data(in.object("data").list("secrets", Secret::read)),
                in.optObject("meta", ListMeta::read), in.node());
    }
}
