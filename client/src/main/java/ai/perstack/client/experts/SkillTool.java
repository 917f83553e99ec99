package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool of an interactive skill.
 *
 * @param description     what the tool asks for
 * @param inputJsonSchema the JSON Schema of its arguments
 */
public record SkillTool(String description, JsonNode inputJsonSchema) {

    /**
     * Checks required fields.
     *
     * @param description what the tool asks for
     * @param inputJsonSchema the JSON Schema of its arguments
     */
    public SkillTool {
        if (description == null) {
            throw new IllegalArgumentException("description is required");
        }
        inputJsonSchema = inputJsonSchema == null ? Json.object().put("type", "object") : inputJsonSchema;
    }

    /**
     * Reads a tool object.
     *
     * @param in the JSON object to read
     * @return the {@code SkillTool} read from {@code in}
     */
    static SkillTool read(JsonIn in) {
        return new SkillTool(in.string("description", ""), in.node().has("inputJsonSchema") ? in.any("inputJsonSchema") : null);
    }

    /** {@return the JSON form} */
    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("description", description);
        node.set("inputJsonSchema", inputJsonSchema);
        return node;
    }
}
