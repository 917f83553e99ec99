package ai.perstack.server.registry;

import ai.perstack.server.domain.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Core's provider-specific expert fields: {@code providerSkills} (builtin or custom) and
 * {@code providerToolOptions} (webSearch, webFetch, fileSearch). Stored and returned exactly;
 * the local runtime does not pass them to models (neither does core's).
 */
final class ProviderExtras {
    private static final Set<String> BUILTIN_SKILLS = Set.of("pdf", "docx", "pptx", "xlsx");
    private static final Set<String> BUILTIN_FIELDS = Set.of("type", "skillId");
    private static final Set<String> CUSTOM_FIELDS = Set.of("type", "name", "definition");
    private static final Set<String> OPTIONS = Set.of("webSearch", "webFetch", "fileSearch");
    private static final Set<String> WEB_SEARCH = Set.of("maxUses", "allowedDomains");
    private static final Set<String> WEB_FETCH = Set.of("maxUses");
    private static final Set<String> FILE_SEARCH = Set.of("vectorStoreIds", "maxNumResults");

    private ProviderExtras() {
    }

    /** Checks {@code providerSkills} and {@code providerToolOptions} of {@code expert}, copying them into {@code out}. */
    static void validate(JsonNode expert, String path, Validation v, ObjectNode out) {
        if (expert.has("providerSkills")) {
            out.set("providerSkills", skills(expert.get("providerSkills"), path + ".providerSkills", v));
        }
        if (expert.has("providerToolOptions")) {
            out.set("providerToolOptions", toolOptions(expert.get("providerToolOptions"), path + ".providerToolOptions", v));
        }
    }

    private static ArrayNode skills(JsonNode node, String path, Validation v) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (!node.isArray()) {
            v.fail(path, "must be an array of provider skills");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + "[" + i + "]";
            JsonNode skill = node.get(i);
            String type = skill.path("type").asText("");
            if (!skill.isObject() || !(type.equals("builtin") || type.equals("custom"))) {
                v.fail(itemPath + ".type", "must be builtin or custom");
                continue;
            }
            ObjectNode item = out.addObject().put("type", type);
            if (type.equals("builtin")) {
                Fields.unknown(skill, BUILTIN_FIELDS, itemPath, v);
                String id = Fields.requiredText(skill, "skillId", 1, 255, itemPath, v);
                if (id != null && !BUILTIN_SKILLS.contains(id)) {
                    v.fail(itemPath + ".skillId", "must be one of pdf, docx, pptx, xlsx");
                } else if (id != null) {
                    item.put("skillId", id);
                }
            } else {
                Fields.unknown(skill, CUSTOM_FIELDS, itemPath, v);
                String name = Fields.requiredText(skill, "name", 1, 255, itemPath, v);
                String definition = Fields.requiredText(skill, "definition", 1, Integer.MAX_VALUE, itemPath, v);
                if (name != null && definition != null) {
                    item.put("name", name).put("definition", definition);
                }
            }
        }
        return out;
    }

    private static ObjectNode toolOptions(JsonNode node, String path, Validation v) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (!node.isObject()) {
            v.fail(path, "must be an object");
            return out;
        }
        Fields.unknown(node, OPTIONS, path, v);
        option(node, "webSearch", WEB_SEARCH, path, v, out);
        option(node, "webFetch", WEB_FETCH, path, v, out);
        option(node, "fileSearch", FILE_SEARCH, path, v, out);
        return out;
    }

    private static void option(JsonNode options, String name, Set<String> fields, String path, Validation v, ObjectNode out) {
        JsonNode node = options.get(name);
        if (node == null) {
            return;
        }
        String optionPath = path + "." + name;
        if (!node.isObject()) {
            v.fail(optionPath, "must be an object");
            return;
        }
        Fields.unknown(node, fields, optionPath, v);
        ObjectNode item = out.putObject(name);
        Fields.positiveInt(node, "maxUses", optionPath, v, item);
        Fields.positiveInt(node, "maxNumResults", optionPath, v, item);
        for (String list : new String[] {"allowedDomains", "vectorStoreIds"}) {
            if (fields.contains(list) && node.has(list)) {
                item.set(list, Fields.strings(node, list, 1, 2048, null, optionPath, v));
            }
        }
    }
}
