package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A version of an expert scope.
 *
 * @param version   the semver version
 * @param tag       its first tag, when it has one
 * @param tags      every tag pointing at it ({@code latest} first)
 * @param yanked    whether it was yanked
 * @param createdAt when it was assigned
 * @param json      the object as received
 */
public record ExpertVersion(String version, Optional<String> tag, List<String> tags, boolean yanked, Instant createdAt,
                            JsonNode json) {

    /**
     * Reads a version object.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertVersion} read from {@code in}
     */
    static ExpertVersion read(JsonIn in) {
        return new ExpertVersion(in.string("version"), in.optString("tag"), in.strings("tags"), in.bool("yanked", false),
                in.instant("createdAt"), in.node());
    }
}
