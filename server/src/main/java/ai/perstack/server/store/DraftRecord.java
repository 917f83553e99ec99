package ai.perstack.server.store;

import java.time.Instant;

/** A stored draft: the experts of a definition as JSON text. */
public record DraftRecord(String id, String scopeId, String applicationId, String expertsJson,
                          Instant createdAt, Instant updatedAt) {
}
