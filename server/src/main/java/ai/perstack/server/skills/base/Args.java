package ai.perstack.server.skills.base;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tool call's arguments, read with the checks core's input schemas make. */
final class Args {
    private final ObjectNode node;

    Args(JsonNode node) {
        this.node = node != null && node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode();
    }

    String string(String field) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw invalid(field, "is required");
        }
        if (!v.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return v.asText();
    }

    Integer optionalInt(String field) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw invalid(field, "must be an integer");
        }
        return v.asInt();
    }

    Long optionalLong(String field) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw invalid(field, "must be a number");
        }
        return v.asLong();
    }

    boolean bool(String field) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw invalid(field, "is required");
        }
        if (!v.isBoolean()) {
            throw invalid(field, "must be a boolean");
        }
        return v.asBoolean();
    }

    Boolean optionalBool(String field) throws ToolError {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : bool(field);
    }

    List<String> strings(String field, boolean required) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid(field, "is required");
            }
            return null;
        }
        if (!v.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw invalid(field, "must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    List<Integer> ints(String field) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw invalid(field, "must be an array of numbers");
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isNumber()) {
                throw invalid(field, "must be an array of numbers");
            }
            out.add(item.asInt());
        }
        return out;
    }

    Map<String, String> stringMap(String field) throws ToolError {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw invalid(field, "is required");
        }
        if (!v.isObject()) {
            throw invalid(field, "must be an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var it = v.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw invalid(field + "." + e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static ToolError invalid(String field, String rule) {
        return new ToolError("Invalid arguments: " + field + " " + rule);
    }
}
