package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A published version of an expert scope: its experts, exactly as assigned.
 *
 * @param scopeName {@code @org/name}
 * @param version   the semver version
 * @param tag       its first tag, when it has one
 * @param tags      every tag pointing at it ({@code latest} first)
 * @param yanked    whether it was yanked (still fetchable by exact version, never chosen by a tag)
 * @param experts   the members; the first is the coordinator
 * @param createdAt when the version was assigned
 * @param json      the object as received
 */
public record ExpertDefinition(String scopeName, String version, Optional<String> tag, List<String> tags, boolean yanked,
                               List<Expert> experts, Instant createdAt, JsonNode json) {

    /**
     * Reads a definition object.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertDefinition} read from {@code in}
     */
    static ExpertDefinition read(JsonIn in) {
        return new ExpertDefinition(in.string("scopeName"), in.string("version"), in.optString("tag"), in.strings("tags"),
                in.bool("yanked", false), in.list("experts", Expert::read), in.instant("createdAt"), in.node());
    }
}
