package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope of a single job: {@code {"data": {"job": {...}}}}.
 *
 * @param data the payload
 * @param json the whole body as received
 */
public record JobResponse(Data data, JsonNode json) {

    /** @param job a single job */
    public record Data(Job job) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code JobResponse} read from {@code in}
     */
    static JobResponse read(JsonIn in) {
        return new JobResponse(new Data(in.object("data").object("job", Job::read)), in.node());
    }
}
