package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.skills.ResultPart;
import ai.perstack.server.skills.ToolResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Core's activity for a tool call and its result (§5, rule 5): a base skill's tool as its own
 * type, with fields from the call's arguments and from the result's first text part read as
 * JSON; any other tool as {@code generalTool} with the result's message parts.
 */
final class ToolActivities {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BASE_TYPES = Set.of("attemptCompletion", "todo", "clearTodo", "readImageFile",
            "readPdfFile", "readTextFile", "editTextFile", "appendTextFile", "writeTextFile", "deleteFile",
            "createDirectory", "deleteDirectory", "moveFile", "getFileInfo", "listDirectory", "exec");
    private static final String[] ARG_FIELDS = {"path", "text", "from", "to", "recursive", "source", "destination",
        "command", "args", "cwd", "newTodos", "completedTodos", "newText", "oldText"};
    private static final String[] RESULT_FIELDS = {"content", "mimeType", "size", "output", "stdout", "stderr",
        "todos", "remainingTodos", "items"};

    private ToolActivities() {
    }

    /** Fills {@code activity} (created with its common fields) for the call and returns it. */
    static ObjectNode fill(ObjectNode activity, ObjectNode args, ToolResult result) {
        boolean base = result.skillName().startsWith("@perstack/base") && BASE_TYPES.contains(result.toolName());
        if (!base) {
            activity.put("type", "generalTool").put("skillName", result.skillName()).put("toolName", result.toolName());
            activity.set("args", args);
            ArrayNode parts = activity.putArray("result");
            for (ResultPart part : result.parts()) {
                parts.add(part.toJson(Ids.newId()));
            }
            String error = error(result.firstText(), null);
            if (error != null) {
                activity.put("error", error);
            }
            return activity;
        }
        activity.put("type", result.toolName());
        for (String field : ARG_FIELDS) {
            if (args.has(field) && !(field.equals("args") && !result.toolName().equals("exec"))) {
                activity.set(field, args.get(field));
            }
        }
        JsonNode json = parse(result.firstText());
        if (json != null && json.isObject()) {
            for (String field : RESULT_FIELDS) {
                if (json.has(field)) {
                    activity.set(field, json.get(field));
                }
            }
            if (result.toolName().equals("getFileInfo") && !json.has("error")) {
                ObjectNode info = json.deepCopy();
                info.remove(java.util.List.of("path", "absolutePath", "permissions"));
                activity.set("info", info);
            }
        }
        if (result.toolName().equals("exec") && !activity.has("args")) {
            activity.putArray("args");
        }
        String error = error(result.firstText(), json);
        if (error != null) {
            activity.put("error", error);
        }
        return activity;
    }

    /** The result's {@code error} string, or a plain text starting with "error", or null. */
    private static String error(String text, JsonNode json) {
        JsonNode parsed = json != null ? json : parse(text);
        if (parsed != null && parsed.isObject() && parsed.path("error").isTextual()) {
            return parsed.get("error").asText();
        }
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("error:") || t.startsWith("error ")) {
                return text;
            }
        }
        return null;
    }

    /** A result text read as JSON, or a missing node when it is not JSON. */
    static JsonNode json(String text) {
        JsonNode parsed = parse(text);
        return parsed == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : parsed;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
