package ai.perstack.client.applications;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a single application: {@code {"data": {"application": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record ApplicationResponse(Data data, JsonNode json) {

    /** @param application the application */
    public record Data(Application application) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ApplicationResponse} read from {@code in}
     */
    static ApplicationResponse read(JsonIn in) {
        return new ApplicationResponse(new Data(in.object("data").object("application", Application::read)), in.node());
    }
}
