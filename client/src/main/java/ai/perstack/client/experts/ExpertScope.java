package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An expert scope {@code @org/name}: a named package of drafts and versions.
 *
 * @param scopeName      {@code @org/name}
 * @param organizationId the owning organization, when sent
 * @param description    what it is for
 * @param category       general, coding, research, writing, data or automation (open)
 * @param visibility     {@code private} (its organization only) or {@code public}
 * @param latestVersion  the version the {@code latest} tag points at, if any
 * @param tags           each tag and the version it points at
 * @param createdAt      creation time, when sent
 * @param updatedAt      last change
 * @param json           the object as received
 */
public record ExpertScope(String scopeName, Optional<String> organizationId, Optional<String> description,
                          ExpertCategory category, Visibility visibility, Optional<String> latestVersion,
                          Map<String, String> tags, Optional<Instant> createdAt, Instant updatedAt, JsonNode json) {

    /**
     * Reads a scope object.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertScope} read from {@code in}
     */
    static ExpertScope read(JsonIn in) {
        return new ExpertScope(in.string("scopeName"), in.optString("organizationId"), in.optString("description"),
                ExpertCategory.of(in.string("category", "general")), Visibility.of(in.string("visibility")),
                in.optString("latestVersion"), in.stringMap("tags"), in.optInstant("createdAt"), in.instant("updatedAt"),
                in.node());
    }
}
