package ai.perstack.client.experts;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A list of drafts: {@code {"data": {"drafts": [...]}, "meta": {...}}}.
 *
 * @param data the payload
 * @param meta total and page
 * @param json the whole body as received
 */
public record ListDraftsResponse(Data data, ListMeta meta, JsonNode json) {

    /** @param drafts the drafts */
    public record Data(List<ExpertDraft> drafts) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListDraftsResponse} read from {@code in}
     */
    static ListDraftsResponse read(JsonIn in) {
        return new ListDraftsResponse(new Data(in.object("data").list("drafts", ExpertDraft::read)), in.object("meta", ListMeta::read), in.node());
    }
}
