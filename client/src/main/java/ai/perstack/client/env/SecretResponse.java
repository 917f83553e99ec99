package ai.perstack.client.env;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a single secret: {@code {"data": {"secret": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record SecretResponse(Data data, JsonNode json) {

    /** @param secret the secret */
    public record Data(Secret secret) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code SecretResponse} read from {@code in}
     */
    static SecretResponse read(JsonIn in) {
        return new SecretResponse(new Data(in.object("data").object("secret", Secret::read)), in.node());
    }
}
