package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of {@code experts.yank}: {@code {"data": {"yanked": true, "latestTagUpdated": bool}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record YankResponse(Data data, JsonNode json) {

    /**
     * @param yanked           always true on success
     * @param latestTagUpdated whether {@code latest} moved (or disappeared) because of the yank
     */
    public record Data(boolean yanked, boolean latestTagUpdated) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code YankResponse} read from {@code in}
     */
    static YankResponse read(JsonIn in) {
        JsonIn d = in.object("data");
        return new YankResponse(new Data(d.bool("yanked"), d.bool("latestTagUpdated")), in.node());
    }
}
