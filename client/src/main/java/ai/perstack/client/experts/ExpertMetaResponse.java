package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;

/**
 * The result of {@code experts.getMeta}: {@code {"data": {"scope", "version", "tag"?, "yanked", "visibility", "createdAt"}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record ExpertMetaResponse(Data data, JsonNode json) {

    /**
     * @param scope      the scope name {@code @org/name}
     * @param version    the resolved version
     * @param tag        the version's first tag, if any
     * @param yanked     whether the version was yanked
     * @param visibility the scope's visibility
     * @param createdAt  when the version was assigned
     */
    public record Data(String scope, String version, Optional<String> tag, boolean yanked, Visibility visibility,
                       Instant createdAt) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ExpertMetaResponse} read from {@code in}
     */
    static ExpertMetaResponse read(JsonIn in) {
        JsonIn d = in.object("data");
        return new ExpertMetaResponse(new Data(d.string("scope"), d.string("version"), d.optString("tag"),
                d.bool("yanked", false), Visibility.of(d.string("visibility")), d.instant("createdAt")), in.node());
    }
}
