package ai.perstack.server.store;

import java.time.Instant;

/** A stored application. */
public record ApplicationRecord(String id, String organizationId, String name, String status,
                                String applicationGroupId, Instant createdAt, Instant updatedAt) {

    /** A copy with a new name, status and update time. */
    public ApplicationRecord with(String newName, String newStatus, Instant now) {
        return new ApplicationRecord(id, organizationId, newName, newStatus, applicationGroupId, createdAt, now);
    }
}
