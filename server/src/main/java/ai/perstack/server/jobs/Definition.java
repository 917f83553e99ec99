package ai.perstack.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The expert definition a job runs, snapshotted at start so that later registry changes do not
 * change a running job: {@code {version, experts: [...], external: {fullKey: {name, version, expert}}}}.
 * The first expert is the coordinator; {@code external} holds published experts it delegates to.
 */
final class Definition {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode root;

    /** One expert as a checkpoint names it. */
    record Member(String key, String name, String version, JsonNode expert) {
    }

    private Definition(JsonNode root) {
        this.root = root;
    }

    static ObjectNode snapshot(String version, JsonNode experts) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", version);
        root.set("experts", experts);
        root.putObject("external");
        return root;
    }

    static Definition parse(String json) {
        try {
            return new Definition(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the job's definition snapshot is not valid JSON", e);
        }
    }

    Member coordinator() {
        JsonNode first = root.path("experts").path(0);
        return new Member(first.path("key").asText(), first.path("name").asText(), root.path("version").asText(), first);
    }

    /** The member or published expert a key names, or null. */
    Member member(String key) {
        for (JsonNode e : root.path("experts")) {
            if (key.equals(e.path("key").asText())) {
                return new Member(key, e.path("name").asText(), root.path("version").asText(), e);
            }
        }
        JsonNode external = root.path("external").get(key);
        if (external != null) {
            return new Member(key, external.path("name").asText(), external.path("version").asText(),
                    external.path("expert"));
        }
        return null;
    }
}
