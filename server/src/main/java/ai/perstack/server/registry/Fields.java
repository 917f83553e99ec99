package ai.perstack.server.registry;

import ai.perstack.server.domain.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.regex.Pattern;

/** Field checks shared by the definition validators; each failure names the field's JSON path. */
final class Fields {
    private Fields() {
    }

    /** Fails every field of {@code node} not in {@code allowed}. */
    static void unknown(JsonNode node, Set<String> allowed, String path, Validation v) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                v.fail(path + "." + f, "unknown field");
            }
        });
    }

    /** A required string of {@code min..max} characters, or null (with the failure recorded). */
    static String requiredText(JsonNode node, String field, int min, int max, String path, Validation v) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            v.fail(path + "." + field, "is required");
            return null;
        }
        if (!value.isTextual()) {
            v.fail(path + "." + field, "must be a string");
            return null;
        }
        return v.length(path + "." + field, value.asText(), min, max) ? value.asText() : null;
    }

    /** Copies an optional string of {@code min..max} characters into {@code out} when it is valid. */
    static void optionalText(JsonNode node, String field, int min, int max, String path, Validation v, ObjectNode out) {
        if (node.has(field)) {
            String value = requiredText(node, field, min, max, path, v);
            if (value != null) {
                out.put(field, value);
            }
        }
    }

    /** An optional array of strings (each {@code min..max} characters, matching {@code pattern} when given); absent → empty. */
    static ArrayNode strings(JsonNode node, String field, int min, int max, Pattern pattern, String path, Validation v) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        JsonNode value = node.get(field);
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            v.fail(path + "." + field, "must be an array of strings");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path + "." + field + "[" + i + "]";
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                v.fail(itemPath, "must be a string");
            } else if (pattern != null ? v.matches(itemPath, item.asText(), pattern, max)
                    : v.length(itemPath, item.asText(), min, max)) {
                out.add(item.asText());
            }
        }
        return out;
    }

    /** An optional integer greater than 0, copied into {@code out} when valid. */
    static void positiveInt(JsonNode node, String field, String path, Validation v, ObjectNode out) {
        JsonNode value = node.get(field);
        if (value == null) {
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() <= 0) {
            v.fail(path + "." + field, "must be an integer greater than 0");
            return;
        }
        out.put(field, value.asInt());
    }
}
