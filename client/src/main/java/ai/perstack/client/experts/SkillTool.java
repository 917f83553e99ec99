package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Optional;

/**
 * One tool of an interactive skill. As in Perstack core, its input schema is a JSON Schema
 * document kept as a JSON <em>string</em>; {@link #of(String, JsonNode)} serializes one for you.
 *
 * @param description     what the tool asks for
 * @param inputJsonSchema the JSON Schema of its arguments, as a JSON string
 */
public record SkillTool(Optional<String> description, String inputJsonSchema) {

    /**
     * Checks required fields.
     *
     * @param description what the tool asks for
     * @param inputJsonSchema the JSON Schema of its arguments, as a JSON string
     */
    public SkillTool {
        if (inputJsonSchema == null) {
            throw new IllegalArgumentException("inputJsonSchema is required");
        }
        description = description == null ? Optional.empty() : description;
    }

    /**
     * A tool from a description and a schema object.
     *
     * @param description what the tool asks for, or null
     * @param inputJsonSchema the JSON Schema object of its arguments
     * @return the tool
     */
    public static SkillTool of(String description, JsonNode inputJsonSchema) {
        return new SkillTool(Optional.ofNullable(description), Json.write(inputJsonSchema));
    }

    /**
     * Reads a tool object.
     *
     * @param in the JSON object to read
     * @return the {@code SkillTool} read from {@code in}
     */
    static SkillTool read(JsonIn in) {
        return new SkillTool(in.optString("description"), in.string("inputJsonSchema"));
    }

    /** {@return the input schema parsed; throws {@link IllegalStateException} when the string is not JSON} */
    public JsonNode inputJsonSchemaNode() {
        try {
            return Json.parse(inputJsonSchema);
        } catch (IOException e) {
            throw new IllegalStateException("inputJsonSchema is not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON form, with {@code name} set to the tool's map key as core writes it.
     *
     * @param name the tool's key in the skill's {@code tools}
     * @return the tool object
     */
    public ObjectNode toJson(String name) {
        ObjectNode node = Json.object().put("name", name);
        description.ifPresent(d -> node.put("description", d));
        node.put("inputJsonSchema", inputJsonSchema);
        return node;
    }
}
