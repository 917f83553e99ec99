package ai.perstack.client.applications;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A page of applications: {@code {"data": {"applications": [...]}, "meta": {...}}}.
 *
 * @param data the payload
 * @param meta total and page
 * @param json the whole body as received
 */
public record ListApplicationsResponse(Data data, ListMeta meta, JsonNode json) {

    /** @param applications the applications of this page */
    public record Data(List<Application> applications) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListApplicationsResponse} read from {@code in}
     */
    static ListApplicationsResponse read(JsonIn in) {
        return new ListApplicationsResponse(new Data(in.object("data").list("applications", Application::read)),
                in.object("meta", ListMeta::read), in.node());
    }
}
