package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A skill of an expert: {@code interactive} (tools whose calls the caller answers through
 * {@code jobs.continueJob}), or an MCP skill ({@code mcpStdio}, {@code mcpSse}) kept as given.
 *
 * @param type        {@code interactive}, {@code mcpStdio}, {@code mcpSse}, or a type this client does not know
 * @param description what the skill is for
 * @param tools       the tools of an interactive skill, by name (empty for other types)
 * @param json        the whole skill object, including fields of other skill types
 */
public record Skill(String type, Optional<String> description, Map<String, SkillTool> tools, JsonNode json) {

    /**
     * Normalizes absent fields.
     *
     * @param type {@code interactive}, {@code mcpStdio}, {@code mcpSse}, or a type this client does not know
     * @param description what the skill is for
     * @param tools the tools of an interactive skill, by name (empty for other types)
     * @param json the whole skill object, including fields of other skill types
     */
    public Skill {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        description = description == null ? Optional.empty() : description;
        tools = tools == null ? Map.of() : Map.copyOf(tools);
    }

    /**
     * An interactive skill with {@code tools}.
     *
     * @param description what the skill is for
     * @param tools the tools of an interactive skill, by name (empty for other types)
     * @return an interactive skill with {@code tools}
     */
    public static Skill interactive(String description, Map<String, SkillTool> tools) {
        ObjectNode json = Json.object().put("type", "interactive").put("description", description);
        ObjectNode toolsNode = json.putObject("tools");
        Map<String, SkillTool> ordered = new LinkedHashMap<>(tools);
        ordered.forEach((name, tool) -> toolsNode.set(name, tool.toJson()));
        return new Skill("interactive", Optional.ofNullable(description), ordered, json);
    }

    /**
     * Any skill from its JSON object (for MCP skills); must have a {@code type}.
     *
     * @param json the whole skill object, including fields of other skill types
     * @return any skill from its JSON object (for MCP skills); must have a {@code type}
     */
    public static Skill of(JsonNode json) {
        return read(JsonIn.of(json, "skill"));
    }

    /**
     * Reads a skill object.
     *
     * @param in the JSON object to read
     * @return the {@code Skill} read from {@code in}
     */
    static Skill read(JsonIn in) {
        String type = in.string("type");
        Map<String, SkillTool> tools = "interactive".equals(type) ? in.map("tools", SkillTool::read) : Map.of();
        return new Skill(type, in.optString("description"), tools, in.node());
    }

    /** {@return true for {@code interactive}} */
    public boolean isInteractive() {
        return "interactive".equals(type);
    }

    /** {@return the JSON form} */
    public JsonNode toJson() {
        if (json != null) {
            return json;
        }
        ObjectNode node = Json.object().put("type", type);
        description.ifPresent(d -> node.put("description", d));
        if (!tools.isEmpty()) {
            ObjectNode toolsNode = node.putObject("tools");
            tools.forEach((name, tool) -> toolsNode.set(name, tool.toJson()));
        }
        return node;
    }
}
