package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The body of {@code experts.drafts.assignVersion}.
 *
 * @param version a semver 2.0.0 version greater than every existing one (required)
 * @param tag     a tag to point at it; without one, {@code latest} moves to it
 */
public record AssignVersionInput(String version, Optional<String> tag) {

    /**
     * Checks required fields.
     *
     * @param version a semver 2.0.0 version greater than every existing one (required)
     * @param tag a tag to point at it; without one, {@code latest} moves to it
     */
    public AssignVersionInput {
        if (version == null) {
            throw new IllegalArgumentException("version is required");
        }
        tag = tag == null ? Optional.empty() : tag;
    }

    /**
     * The input for {@code version} without a tag.
     *
     * @param version a semver 2.0.0 version greater than every existing one (required)
     * @return the input for {@code version} without a tag
     */
    public static AssignVersionInput of(String version) {
        return new AssignVersionInput(version, Optional.empty());
    }

    /**
     * The input for {@code version} with {@code tag}.
     *
     * @param version a semver 2.0.0 version greater than every existing one (required)
     * @param tag a tag to point at it; without one, {@code latest} moves to it
     * @return the input for {@code version} with {@code tag}
     */
    public static AssignVersionInput of(String version, String tag) {
        return new AssignVersionInput(version, Optional.ofNullable(tag));
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object().put("version", version);
        tag.ifPresent(t -> body.put("tag", t));
        return body;
    }
}
