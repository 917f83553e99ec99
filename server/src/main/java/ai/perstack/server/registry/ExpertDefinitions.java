package ai.perstack.server.registry;

import ai.perstack.server.domain.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the experts of a definition and returns them in canonical form. The first
 * expert is the coordinator; delegates name members by key or published experts by full key.
 */
public final class ExpertDefinitions {
    /** Member keys: {@code ^[a-z0-9][a-z0-9_-]*$}, 1..255. */
    public static final Pattern MEMBER_KEY = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");
    private static final Pattern TOOL_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final int MAX_EXPERTS = 100;
    private static final Set<String> EXPERT_FIELDS =
            Set.of("key", "name", "description", "instruction", "skills", "delegates");
    private static final Set<String> INTERACTIVE_FIELDS = Set.of("type", "description", "rule", "tools");
    private static final Set<String> TOOL_FIELDS = Set.of("description", "inputJsonSchema");
    private static final Set<String> SKILL_TYPES = Set.of("interactive", "mcpStdio", "mcpSse");

    private ExpertDefinitions() {
    }

    /** Checks {@code experts} (reporting under the field {@code experts}) and returns the canonical array. */
    public static ArrayNode validate(JsonNode experts, Validation v) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        if (experts == null || experts.isNull()) {
            v.fail("experts", "is required");
            return result;
        }
        if (!experts.isArray()) {
            v.fail("experts", "must be an array");
            return result;
        }
        if (experts.isEmpty() || experts.size() > MAX_EXPERTS) {
            v.fail("experts", "must have 1.." + MAX_EXPERTS + " items");
            return result;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < experts.size(); i++) {
            String path = "experts[" + i + "]";
            ObjectNode expert = expert(experts.get(i), path, v);
            if (expert != null) {
                String key = expert.path("key").asText(null);
                if (key != null && !keys.add(key)) {
                    v.fail(path + ".key", "must be unique within the definition");
                }
                result.add(expert);
            }
        }
        return result;
    }

    private static ObjectNode expert(JsonNode node, String path, Validation v) {
        if (!node.isObject()) {
            v.fail(path, "must be an object");
            return null;
        }
        unknownFields(node, EXPERT_FIELDS, path, v);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String key = string(node, "key", path, v);
        if (key != null && v.matches(path + ".key", key, MEMBER_KEY, 255)) {
            out.put("key", key);
        }
        String name = string(node, "name", path, v);
        if (name != null && v.length(path + ".name", name, 1, 255)) {
            out.put("name", name);
        }
        if (node.has("description")) {
            String description = string(node, "description", path, v);
            if (description != null && v.length(path + ".description", description, 0, 2048)) {
                out.put("description", description);
            }
        }
        String instruction = string(node, "instruction", path, v);
        if (instruction != null && v.length(path + ".instruction", instruction, 1, 20480)) {
            out.put("instruction", instruction);
        }
        out.set("skills", skills(node.get("skills"), path + ".skills", v));
        out.set("delegates", delegates(node.get("delegates"), key, path + ".delegates", v));
        return out;
    }

    private static ObjectNode skills(JsonNode node, String path, Validation v) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            v.fail(path, "must be an object mapping skill names to skills");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String skillPath = path + "." + e.getKey();
            if (e.getKey().isEmpty() || e.getKey().length() > 255) {
                v.fail(skillPath, "skill names must be 1..255 characters");
                continue;
            }
            JsonNode skill = e.getValue();
            if (!skill.isObject()) {
                v.fail(skillPath, "must be an object");
                continue;
            }
            String type = skill.path("type").isTextual() ? skill.get("type").asText() : null;
            if (type == null || !SKILL_TYPES.contains(type)) {
                v.fail(skillPath + ".type", "must be one of interactive, mcpStdio, mcpSse");
                continue;
            }
            if (type.equals("interactive")) {
                interactiveSkill(skill, skillPath, v);
            }
            out.set(e.getKey(), skill.deepCopy());
        }
        return out;
    }

    private static void interactiveSkill(JsonNode skill, String path, Validation v) {
        unknownFields(skill, INTERACTIVE_FIELDS, path, v);
        if (skill.has("description") && !skill.get("description").isTextual()) {
            v.fail(path + ".description", "must be a string");
        }
        JsonNode tools = skill.get("tools");
        if (tools == null || !tools.isObject() || tools.isEmpty()) {
            v.fail(path + ".tools", "must be a non-empty object mapping tool names to tools");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tools.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tool = it.next();
            String toolPath = path + ".tools." + tool.getKey();
            if (!TOOL_NAME.matcher(tool.getKey()).matches()) {
                v.fail(toolPath, "tool names must match " + TOOL_NAME.pattern());
                continue;
            }
            if (!tool.getValue().isObject()) {
                v.fail(toolPath, "must be an object");
                continue;
            }
            unknownFields(tool.getValue(), TOOL_FIELDS, toolPath, v);
            if (!tool.getValue().path("description").isTextual()) {
                v.fail(toolPath + ".description", "must be a string");
            }
            if (!tool.getValue().path("inputJsonSchema").isObject()) {
                v.fail(toolPath + ".inputJsonSchema", "must be a JSON Schema object");
            }
        }
    }

    private static ArrayNode delegates(JsonNode node, String ownKey, String path, Validation v) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            v.fail(path, "must be an array of expert keys");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!d.isTextual()) {
                v.fail(itemPath, "must be a string");
            } else if (!isMemberKey(d.asText()) && ExpertKey.parse(d.asText()) == null) {
                v.fail(itemPath, "must be a member key or a full expert key (@org/name[@version|@tag])");
            } else if (d.asText().equals(ownKey)) {
                v.fail(itemPath, "an expert cannot delegate to itself");
            } else {
                out.add(d.asText());
            }
        }
        return out;
    }

    /** Whether a delegate names a member of the same definition (not a full key). */
    public static boolean isMemberKey(String delegate) {
        return delegate.length() <= 255 && MEMBER_KEY.matcher(delegate).matches();
    }

    private static String string(JsonNode node, String field, String path, Validation v) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (!field.equals("description")) {
                v.fail(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            v.fail(path + "." + field, "must be a string");
            return null;
        }
        return value.asText();
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String path, Validation v) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                v.fail(path + "." + f, "unknown field");
            }
        });
    }
}
