package ai.perstack.server.store;

import java.time.Instant;

/** A stored, immutable version of a scope. */
public record VersionRecord(String scopeId, String version, String expertsJson, boolean yanked, Instant createdAt) {
}
