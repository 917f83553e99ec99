package ai.perstack.client.experts;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a draft: {@code {"data": {"draft": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record DraftResponse(Data data, JsonNode json) {

    /** @param draft a draft */
    public record Data(ExpertDraft draft) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code DraftResponse} read from {@code in}
     */
    static DraftResponse read(JsonIn in) {
        return new DraftResponse(new Data(in.object("data").object("draft", ExpertDraft::read)), in.node());
    }
}
