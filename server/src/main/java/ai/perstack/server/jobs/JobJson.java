package ai.perstack.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** The JSON columns of a job that are plain lists. */
public final class JobJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobJson() {
    }

    static String files(List<String> files) {
        try {
            return JSON.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job's files as stored. */
    public static List<String> files(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored files are not a JSON list", e);
        }
    }
}
