package ai.perstack.server.env;

import java.time.Instant;

/**
 * A secret or variable as the API shows it. For a secret {@code value} is always null:
 * the value is write-only and never leaves the store in a response.
 */
public record EnvEntry(String name, String value, Instant createdAt, Instant updatedAt) {
}
