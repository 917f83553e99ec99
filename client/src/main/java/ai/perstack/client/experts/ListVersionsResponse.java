package ai.perstack.client.experts;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * A list of versions, newest first: {@code {"data": {"versions": [...]}, "meta": {...}}}.
 *
 * @param data the payload
 * @param meta total and page
 * @param json the whole body as received
 */
public record ListVersionsResponse(Data data, Optional<ListMeta> meta, JsonNode json) {

    /** @param versions the versions, newest first */
    public record Data(List<ExpertVersion> versions) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListVersionsResponse} read from {@code in}
     */
    static ListVersionsResponse read(JsonIn in) {
        return new ListVersionsResponse(new Data(in.object("data").list("versions", ExpertVersion::read)), in.optObject("meta", ListMeta::read), in.node());
    }
}
