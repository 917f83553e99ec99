package ai.perstack.server.store;

import java.time.Instant;

/**
 * A stored secret or variable. For a secret {@code plainValue} is null and
 * {@code sealedValue} holds the ciphertext; for a variable it is the other way round.
 */
public record EnvEntryRecord(String organizationId, String name, String kind, String plainValue,
                             byte[] sealedValue, Instant createdAt, Instant updatedAt) {
}
