package ai.perstack.client.config;

import ai.perstack.client.experts.Expert;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code [experts."<key>"]} tables of a {@code perstack.toml}, turned into {@link Expert}s in
 * core's shape: key = name = the table name, version = {@code version} or {@code 1.0.0}.
 */
final class TomlExperts {
    /** Core's {@code expertNameRegex}: a file expert's key is also its name. */
    private static final Pattern NAME = Pattern.compile("^(@[a-z0-9][a-z0-9_-]*/)?[a-z0-9][a-z0-9_-]*$");
    private static final String DEFAULT_VERSION = "1.0.0";
    private static final Set<String> EXPERT = Set.of("version", "minRuntimeVersion", "description", "instruction",
            "delegates", "tags", "providerTools", "providerSkills", "providerToolOptions", "skills");
    private static final Set<String> COMMON = Set.of("type", "description", "rule");
    private static final Map<String, Set<String>> SKILL_KEYS = Map.of(
            "mcpStdioSkill", with(COMMON, "command", "packageName", "args", "pick", "omit", "requiredEnv", "lazyInit", "allowedDomains"),
            "mcpSseSkill", with(COMMON, "endpoint", "pick", "omit", "allowedDomains"),
            "interactiveSkill", with(COMMON, "tools"));
    private static final Set<String> TOOL = Set.of("description", "inputJsonSchema");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TomlExperts() {
    }

    static Expert expert(String key, TomlTable table) {
        if (!NAME.matcher(key).matches() || key.length() > 255) {
            throw new PerstackTomlException(table.source() + ": [" + table.name() + "]: an expert's key is also its name and must match "
                    + NAME.pattern() + " (lower case, no dots, no @version)");
        }
        table.onlyKeys(EXPERT);
        ObjectNode out = JSON.createObjectNode().put("key", key).put("name", key);
        out.put("version", table.string("version").orElse(DEFAULT_VERSION));
        table.string("minRuntimeVersion");
        table.string("description").ifPresent(d -> out.put("description", d));
        out.put("instruction", table.required("instruction"));
        table.strings("delegates").ifPresent(d -> out.set("delegates", JSON.valueToTree(d)));
        table.strings("tags").ifPresent(t -> out.set("tags", JSON.valueToTree(t)));
        table.strings("providerTools").ifPresent(t -> out.set("providerTools", JSON.valueToTree(t)));
        if (table.node().has("providerSkills")) {
            JsonNode list = table.node().get("providerSkills");
            if (!list.isArray()) {
                throw table.error("providerSkills", "must be an array of tables");
            }
            out.set("providerSkills", list.deepCopy());
        }
        table.table("providerToolOptions").ifPresent(o -> out.set("providerToolOptions", o.node().deepCopy()));
        table.table("skills").ifPresent(skills -> {
            ObjectNode skillsOut = out.putObject("skills");
            for (String name : skills.keys()) {
                skillsOut.set(name, skill(skills.child("skills", name), name));
            }
        });
        try {
            return Expert.fromJson(out);
        } catch (IllegalArgumentException e) {
            throw table.error("expert", e.getMessage());
        }
    }

    private static ObjectNode skill(TomlTable table, String name) {
        String type = table.required("type");
        Set<String> keys = SKILL_KEYS.get(type);
        if (keys == null) {
            throw table.error("type", "must be one of mcpStdioSkill, mcpSseSkill, interactiveSkill");
        }
        table.onlyKeys(keys);
        ObjectNode out = JSON.createObjectNode().put("type", type).put("name", name);
        table.string("description").ifPresent(d -> out.put("description", d));
        table.string("rule").ifPresent(r -> out.put("rule", r));
        switch (type) {
            case "mcpStdioSkill" -> {
                out.put("command", table.required("command"));
                table.string("packageName").ifPresent(p -> out.put("packageName", p));
                boolean hasArgs = table.strings("args").map(a -> !a.isEmpty()).orElse(false);
                if (out.has("packageName") == hasArgs) {
                    throw table.error("packageName", hasArgs ? "cannot be set together with a non-empty args"
                            : "one of packageName or a non-empty args is required");
                }
                for (String list : new String[] {"args", "pick", "omit", "requiredEnv", "allowedDomains"}) {
                    table.strings(list).ifPresent(v -> out.set(list, JSON.valueToTree(v)));
                }
                out.put("lazyInit", table.bool("lazyInit").orElse(false));
            }
            case "mcpSseSkill" -> {
                out.put("endpoint", table.required("endpoint"));
                for (String list : new String[] {"pick", "omit", "allowedDomains"}) {
                    table.strings(list).ifPresent(v -> out.set(list, JSON.valueToTree(v)));
                }
            }
            default -> {
                TomlTable tools = table.table("tools").orElseThrow(() -> table.error("tools", "is required"));
                ObjectNode toolsOut = out.putObject("tools");
                for (String toolName : tools.keys()) {
                    TomlTable tool = tools.child("tools", toolName);
                    tool.onlyKeys(TOOL);
                    ObjectNode toolOut = toolsOut.putObject(toolName).put("name", toolName);
                    tool.string("description").ifPresent(d -> toolOut.put("description", d));
                    String schema = tool.required("inputJsonSchema");
                    if (!isJsonObject(schema)) {
                        throw tool.error("inputJsonSchema", "must be a JSON Schema object written as a string,"
                                + " e.g. '{\"type\":\"object\"}'");
                    }
                    toolOut.put("inputJsonSchema", schema);
                }
            }
        }
        return out;
    }

    private static boolean isJsonObject(String text) {
        try {
            return JSON.readTree(text) instanceof ObjectNode;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Set<String> with(Set<String> base, String... more) {
        java.util.Set<String> all = new java.util.HashSet<>(base);
        all.addAll(java.util.List.of(more));
        return Set.copyOf(all);
    }
}
