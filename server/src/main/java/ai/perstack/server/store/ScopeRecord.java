package ai.perstack.server.store;

import java.time.Instant;

/** A stored expert scope ({@code @org/name}). */
public record ScopeRecord(String id, String organizationId, String scopeName, String description, String category,
                          String visibility, Instant createdAt, Instant updatedAt) {
}
