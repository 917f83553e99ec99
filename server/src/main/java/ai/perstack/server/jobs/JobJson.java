package ai.perstack.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

    /** {@code files} then {@code added}, each name once, in the order first given. */
    static List<String> distinct(List<String> files, List<String> added) {
        LinkedHashSet<String> all = new LinkedHashSet<>(files);
        all.addAll(added);
        return new ArrayList<>(all);
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
