package ai.perstack.client.env;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A secret's metadata. The value is write-only: no response ever contains it.
 *
 * @param name      the name, {@code ^[A-Za-z_][A-Za-z0-9_]*$}
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param json      the object as received
 */
public record Secret(String name, Instant createdAt, Instant updatedAt, JsonNode json) {

    /**
     * Reads a secret object.
     *
     * @param in the JSON object to read
     * @return the {@code Secret} read from {@code in}
     */
    static Secret read(JsonIn in) {
        return new Secret(in.string("name"), in.instant("createdAt"), in.instant("updatedAt"), in.node());
    }
}
