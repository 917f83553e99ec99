package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A mutable draft of an expert scope, promoted to a version with {@code drafts.assignVersion}.
 *
 * @param id            the draft id, used as {@code draftRef}
 * @param scopeName     {@code @org/name}
 * @param applicationId the application it belongs to
 * @param experts       the members; the first is the coordinator
 * @param createdAt     creation time
 * @param updatedAt     last update time
 * @param json          the object as received
 */
public record ExpertDraft(String id, String scopeName, String applicationId, List<Expert> experts, Instant createdAt,
                          Instant updatedAt, JsonNode json) {

    /**
     * Reads a draft object.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertDraft} read from {@code in}
     */
    static ExpertDraft read(JsonIn in) {
        return new ExpertDraft(in.string("id"), in.string("scopeName"), in.string("applicationId"),
                in.list("experts", Expert::read), in.instant("createdAt"), in.instant("updatedAt"), in.node());
    }
}
