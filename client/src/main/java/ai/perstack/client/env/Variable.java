package ai.perstack.client.env;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * An environment variable: a named value every job of the organization sees.
 *
 * @param name      the name, {@code ^[A-Za-z_][A-Za-z0-9_]*$}
 * @param value     the value (up to 64 KiB)
 * @param createdAt creation time
 * @param updatedAt last update time
 * @param json      the object as received
 */
public record Variable(String name, String value, Instant createdAt, Instant updatedAt, JsonNode json) {

    /**
     * Reads a variable object.
     *
     * @param in the JSON object to read
     * @return the {@code Variable} read from {@code in}
     */
    static Variable read(JsonIn in) {
        return new Variable(in.string("name"), in.string("value"), in.instant("createdAt"), in.instant("updatedAt"), in.node());
    }
}
