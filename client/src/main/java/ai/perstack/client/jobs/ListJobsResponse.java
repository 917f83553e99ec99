package ai.perstack.client.jobs;

import ai.perstack.client.ListMeta;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A list of jobs: {@code {"data": {"jobs": [...]}, "meta": {...}}}.
 *
 * @param data the payload
 * @param meta total and page
 * @param json the whole body as received
 */
public record ListJobsResponse(Data data, ListMeta meta, JsonNode json) {

    /** @param jobs the jobs */
    public record Data(List<Job> jobs) {
    }

    /**
     * Reads the envelope.
     *
     * @param in the JSON object to read
     * @return the {@code ListJobsResponse} read from {@code in}
     */
    static ListJobsResponse read(JsonIn in) {
        return new ListJobsResponse(new Data(in.object("data").list("jobs", Job::read)), in.object("meta", ListMeta::read), in.node());
    }
}
