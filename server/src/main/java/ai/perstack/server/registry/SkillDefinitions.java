package ai.perstack.server.registry;

import ai.perstack.server.domain.Validation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the {@code skills} of an expert as Perstack core defines them ({@code mcpStdioSkill},
 * {@code mcpSseSkill}, {@code interactiveSkill}) and returns them in canonical form: core's parsed
 * shape, with each skill's (and each interactive tool's) {@code name} filled in from its map key
 * and the list and flag defaults written out.
 */
final class SkillDefinitions {
    /** The skill every expert gets when its {@code skills} is absent (not when it is empty). */
    static final String BASE_SKILL = "@perstack/base";
    static final String STDIO = "mcpStdioSkill";
    static final String SSE = "mcpSseSkill";
    static final String INTERACTIVE = "interactiveSkill";

    private static final Pattern ENV_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]*$");
    private static final Pattern DOMAIN = Pattern.compile(
            "^(\\*\\.)?[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$");
    private static final int MAX_NAME = 255;
    private static final int MAX_TEXT = 2048;
    private static final int MAX_SCHEMA = 20480;
    private static final Set<String> COMMON = Set.of("type", "name", "description", "rule");
    private static final Set<String> STDIO_FIELDS = union(COMMON,
            "command", "packageName", "args", "pick", "omit", "requiredEnv", "lazyInit", "allowedDomains");
    private static final Set<String> SSE_FIELDS = union(COMMON, "endpoint", "pick", "omit", "allowedDomains");
    private static final Set<String> INTERACTIVE_FIELDS = union(COMMON, "tools");
    private static final Set<String> TOOL_FIELDS = Set.of("name", "description", "inputJsonSchema");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SkillDefinitions() {
    }

    /** The canonical {@code @perstack/base} skill core adds when {@code skills} is absent. */
    static ObjectNode defaultSkills() {
        ObjectNode skills = JsonNodeFactory.instance.objectNode();
        ObjectNode base = skills.putObject(BASE_SKILL);
        base.put("type", STDIO).put("name", BASE_SKILL).put("description", "Base skill").put("command", "npx");
        base.putArray("args").add("-y").add(BASE_SKILL);
        base.putArray("pick");
        base.putArray("omit");
        base.putArray("requiredEnv");
        base.put("lazyInit", false);
        return skills;
    }

    /** Checks an expert's {@code skills} ({@code node} absent → the default base skill). */
    static ObjectNode validate(JsonNode node, String path, Validation v) {
        if (node == null) {
            return defaultSkills();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!node.isObject()) {
            v.fail(path, "must be an object mapping skill names to skills");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String skillPath = path + "." + e.getKey();
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_NAME) {
                v.fail(skillPath, "skill names must be 1.." + MAX_NAME + " characters");
                continue;
            }
            ObjectNode skill = skill(e.getKey(), e.getValue(), skillPath, v);
            if (skill != null) {
                out.set(e.getKey(), skill);
            }
        }
        return out;
    }

    private static ObjectNode skill(String name, JsonNode skill, String path, Validation v) {
        if (!skill.isObject()) {
            v.fail(path, "must be an object");
            return null;
        }
        String type = skill.path("type").isTextual() ? skill.get("type").asText() : null;
        Set<String> fields = STDIO.equals(type) ? STDIO_FIELDS : SSE.equals(type) ? SSE_FIELDS
                : INTERACTIVE.equals(type) ? INTERACTIVE_FIELDS : null;
        if (fields == null) {
            v.fail(path + ".type", "must be one of " + STDIO + ", " + SSE + ", " + INTERACTIVE);
            return null;
        }
        Fields.unknown(skill, fields, path, v);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("type", type);
        mapKeyName(skill, name, path, v);
        out.put("name", name);
        Fields.optionalText(skill, "description", 0, MAX_TEXT, path, v, out);
        Fields.optionalText(skill, "rule", 0, MAX_TEXT, path, v, out);
        switch (type) {
            case STDIO -> stdio(skill, path, v, out);
            case SSE -> sse(skill, path, v, out);
            default -> interactive(skill, path, v, out);
        }
        return out;
    }

    private static void stdio(JsonNode skill, String path, Validation v, ObjectNode out) {
        String command = Fields.requiredText(skill, "command", 1, MAX_NAME, path, v);
        if (command != null) {
            out.put("command", command);
        }
        Fields.optionalText(skill, "packageName", 1, MAX_NAME, path, v, out);
        ArrayNode args = Fields.strings(skill, "args", 0, Integer.MAX_VALUE, null, path, v);
        out.set("args", args);
        boolean hasPackage = skill.has("packageName");
        if (hasPackage == !args.isEmpty()) {
            v.fail(path + ".packageName", hasPackage
                    ? "packageName and a non-empty args cannot both be set" : "one of packageName or a non-empty args is required");
        }
        out.set("pick", Fields.strings(skill, "pick", 1, MAX_NAME, null, path, v));
        out.set("omit", Fields.strings(skill, "omit", 1, MAX_NAME, null, path, v));
        out.set("requiredEnv", Fields.strings(skill, "requiredEnv", 1, MAX_NAME, ENV_NAME, path, v));
        JsonNode lazy = skill.get("lazyInit");
        if (lazy != null && !lazy.isBoolean()) {
            v.fail(path + ".lazyInit", "must be a boolean");
        }
        out.put("lazyInit", lazy != null && lazy.asBoolean());
        allowedDomains(skill, path, v, out);
    }

    private static void sse(JsonNode skill, String path, Validation v, ObjectNode out) {
        String endpoint = Fields.requiredText(skill, "endpoint", 1, MAX_TEXT, path, v);
        if (endpoint != null) {
            if (PublicEndpoint.isPublicHttps(endpoint)) {
                out.put("endpoint", endpoint);
            } else {
                v.fail(path + ".endpoint", "must be a public HTTPS URL");
            }
        }
        out.set("pick", Fields.strings(skill, "pick", 1, MAX_NAME, null, path, v));
        out.set("omit", Fields.strings(skill, "omit", 1, MAX_NAME, null, path, v));
        allowedDomains(skill, path, v, out);
    }

    private static void allowedDomains(JsonNode skill, String path, Validation v, ObjectNode out) {
        if (!skill.has("allowedDomains")) {
            return;
        }
        ArrayNode domains = Fields.strings(skill, "allowedDomains", 1, MAX_NAME, DOMAIN, path, v);
        for (int i = 0; i < domains.size(); i++) {
            for (String label : domains.get(i).asText().split("\\.")) {
                if (label.toLowerCase(Locale.ROOT).startsWith("xn--")) {
                    v.fail(path + ".allowedDomains[" + i + "]", "must not contain punycode (xn--) labels");
                }
            }
        }
        out.set("allowedDomains", domains);
    }

    private static void interactive(JsonNode skill, String path, Validation v, ObjectNode out) {
        JsonNode tools = skill.get("tools");
        ObjectNode toolsOut = out.putObject("tools");
        if (tools == null || !tools.isObject()) {
            v.fail(path + ".tools", "must be an object mapping tool names to tools");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tools.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tool = it.next();
            String toolPath = path + ".tools." + tool.getKey();
            if (tool.getKey().isEmpty() || tool.getKey().length() > MAX_NAME) {
                v.fail(toolPath, "tool names must be 1.." + MAX_NAME + " characters");
                continue;
            }
            if (!tool.getValue().isObject()) {
                v.fail(toolPath, "must be an object");
                continue;
            }
            Fields.unknown(tool.getValue(), TOOL_FIELDS, toolPath, v);
            mapKeyName(tool.getValue(), tool.getKey(), toolPath, v);
            ObjectNode toolOut = toolsOut.putObject(tool.getKey()).put("name", tool.getKey());
            Fields.optionalText(tool.getValue(), "description", 0, MAX_TEXT, toolPath, v, toolOut);
            String schema = Fields.requiredText(tool.getValue(), "inputJsonSchema", 1, MAX_SCHEMA, toolPath, v);
            if (schema != null && isJsonObject(schema, toolPath + ".inputJsonSchema", v)) {
                toolOut.put("inputJsonSchema", schema);
            }
        }
    }

    /** Core parses {@code inputJsonSchema} when the skill starts; a string that is not a JSON object would fail the run. */
    private static boolean isJsonObject(String schema, String path, Validation v) {
        try {
            if (JSON.readTree(schema) instanceof ObjectNode) {
                return true;
            }
            v.fail(path, "must be a JSON Schema object serialized as a string");
        } catch (JsonProcessingException e) {
            v.fail(path, "must be a JSON Schema object serialized as a string (not valid JSON)");
        }
        return false;
    }

    /** A {@code name} inside a skill or tool may only repeat its map key. */
    private static void mapKeyName(JsonNode node, String key, String path, Validation v) {
        JsonNode name = node.get("name");
        if (name != null && !(name.isTextual() && name.asText().equals(key))) {
            v.fail(path + ".name", "must equal the map key when given");
        }
    }

    private static Set<String> union(Set<String> base, String... more) {
        java.util.HashSet<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
