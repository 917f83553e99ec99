package ai.perstack.client.applications;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/**
 * An application: the unit jobs run under and drafts belong to.
 *
 * @param id                 24 lowercase alphanumerics
 * @param organizationId     the owning organization
 * @param name               1..255 characters
 * @param status             {@code active} or {@code inactive} (open)
 * @param applicationGroupId the group, when set
 * @param createdAt          creation time
 * @param updatedAt          last update time
 * @param json               the object as received, including fields this client does not know
 */
public record Application(String id, String organizationId, String name, ApplicationStatus status,
                          Optional<String> applicationGroupId, Instant createdAt, Instant updatedAt, JsonNode json) {

    /**
     * Reads an application object.
     *
     * @param in the JSON object to read
     * @return the {@code Application} read from {@code in}
     */
    static Application read(JsonIn in) {
        return new Application(in.string("id"), in.string("organizationId"), in.string("name"),
                ApplicationStatus.of(in.string("status")), in.optString("applicationGroupId"),
                in.instant("createdAt"), in.instant("updatedAt"), in.node());
    }
}
