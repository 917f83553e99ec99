package ai.perstack.server.providers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A function tool offered to the model: an interactive skill's tool, or a delegate. Names are
 * {@code <skill>__<tool>} and {@code delegate__<key>}, with every character outside
 * {@code [a-zA-Z0-9_-]} replaced by {@code _}, cut to 64 characters, and made unique with a
 * {@code _2}, {@code _3}... suffix — the rule both OpenAI and Anthropic accept.
 *
 * @param name        the name the model sees
 * @param description what the model is told the tool does
 * @param parameters  the JSON schema of the arguments (always an object schema)
 * @param skillName   the interactive skill, or null for a delegate
 * @param toolName    the tool of the skill, or null for a delegate
 * @param delegateTo  the delegate's key as the expert names it, or null for an interactive tool
 * @param kind        interactive tool, delegate, or a running skill's tool
 */
public record ChatTool(String name, String description, ObjectNode parameters, String skillName, String toolName,
                       String delegateTo, Kind kind) {
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_-]");
    private static final int MAX_NAME = 64;
    private static final com.fasterxml.jackson.databind.ObjectMapper SCHEMA_READER = new com.fasterxml.jackson.databind.ObjectMapper();

    public boolean isDelegate() {
        return delegateTo != null;
    }

    /** Whether this is a tool of a running skill (MCP or base), which the runtime calls. */
    public boolean isSkillTool() {
        return delegateTo == null && kind == Kind.SKILL;
    }

    /** What kind of tool a name stands for. */
    public enum Kind { INTERACTIVE, DELEGATE, SKILL }

    /** The tools offered to {@code expert}, by name, in definition order: interactive tools, then delegates. */
    public static Map<String, ChatTool> forExpert(JsonNode expert, Map<String, JsonNode> delegates) {
        return forExpert(expert, delegates, java.util.List.of());
    }

    /**
     * The tools offered to {@code expert}: its skills' tools under their raw names (the first skill
     * listing a name wins, as core routes calls), then interactive tools, then delegates.
     */
    public static Map<String, ChatTool> forExpert(JsonNode expert, Map<String, JsonNode> delegates,
                                                  java.util.List<ai.perstack.server.providers.OfferedTool> skillTools) {
        Map<String, ChatTool> tools = new LinkedHashMap<>();
        for (ai.perstack.server.providers.OfferedTool t : skillTools) {
            String name = sanitize(t.name());
            if (!tools.containsKey(name)) {
                tools.put(name, new ChatTool(name, t.description() == null ? "" : t.description(),
                        objectSchema(t.inputSchema()), t.skillName(), t.name(), null, Kind.SKILL));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> skills = expert.path("skills").fields(); skills.hasNext(); ) {
            Map.Entry<String, JsonNode> skill = skills.next();
            if (!"interactiveSkill".equals(skill.getValue().path("type").asText())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = skill.getValue().path("tools").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> tool = it.next();
                String name = unique(sanitize(skill.getKey() + "__" + tool.getKey()), tools);
                String description = tool.getValue().path("description").asText("");
                if (description.isEmpty()) {
                    description = skill.getValue().path("description").asText("");
                }
                tools.put(name, new ChatTool(name, description, objectSchema(tool.getValue().get("inputJsonSchema")),
                        skill.getKey(), tool.getKey(), null, Kind.INTERACTIVE));
            }
        }
        for (JsonNode d : expert.path("delegates")) {
            String key = d.asText();
            JsonNode delegate = delegates.get(key);
            if (delegate == null) {
                continue;
            }
            String name = unique(sanitize("delegate__" + key), tools);
            String who = delegate.path("name").asText(key);
            String about = delegate.path("description").asText("");
            String description = "Delegate a task to the expert " + who + (about.isEmpty() ? "" : ": " + about)
                    + ". Its answer comes back as the result.";
            ObjectNode parameters = JsonNodeFactory.instance.objectNode().put("type", "object");
            parameters.putObject("properties").putObject("query").put("type", "string")
                    .put("description", "The task for the expert, with everything it needs to know");
            parameters.putArray("required").add("query");
            tools.put(name, new ChatTool(name, description, parameters, null, null, key, Kind.DELEGATE));
        }
        return tools;
    }

    static String sanitize(String raw) {
        String s = INVALID.matcher(raw).replaceAll("_");
        if (s.isEmpty()) {
            s = "tool";
        }
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
    }

    private static String unique(String name, Map<String, ChatTool> taken) {
        if (!taken.containsKey(name)) {
            return name;
        }
        for (int n = 2; ; n++) {
            String suffix = "_" + n;
            String candidate = (name.length() + suffix.length() > MAX_NAME
                    ? name.substring(0, MAX_NAME - suffix.length()) : name) + suffix;
            if (!taken.containsKey(candidate)) {
                return candidate;
            }
        }
    }

    /** Core keeps {@code inputJsonSchema} as a JSON string; the registry has checked that it is a JSON object. */
    private static JsonNode parsed(JsonNode schema) {
        if (schema == null || !schema.isTextual()) {
            return schema;
        }
        try {
            return SCHEMA_READER.readTree(schema.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** The tool's input schema as an object schema both APIs accept ({@code {"type":"object"}} when none). */
    private static ObjectNode objectSchema(JsonNode schema) {
        ObjectNode out = parsed(schema) instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
        if (!out.has("type")) {
            out.put("type", "object");
        }
        if ("object".equals(out.path("type").asText()) && !out.has("properties")) {
            out.putObject("properties");
        }
        return out;
    }
}
