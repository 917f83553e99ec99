package ai.perstack.client.jobs;

import ai.perstack.client.internal.InvalidResponseException;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Reads {@link Activity} objects by their {@code type}; kept out of the public interface because JsonIn is not API. */
final class ActivityReader {

    private ActivityReader() {
    }

    /**
     * Reads an activity object by its {@code type}.
     *
     * @param in the JSON object to read
     * @return the activity; {@link Activity.Unknown} for a type this client does not know
     */
    static Activity read(JsonIn in) {
        String type = in.string("type");
        Activity.Common c = new Activity.Common(in.string("id"), in.string("expertKey"), in.string("runId"),
                in.optString("previousActivityId"), in.optObject("delegatedBy", ActivityReader::delegatedBy),
                in.optString("reasoning"));
        JsonNode json = in.node();
        Optional<String> error = "error".equals(type) ? Optional.empty() : in.optString("error");
        return switch (type) {
            case "query" -> new Activity.Query(c, in.string("text"), json);
            case "retry" -> new Activity.Retry(c, in.string("error"), in.string("message"), json);
            case "complete" -> new Activity.Complete(c, in.string("text"), json);
            case "error" -> new Activity.Error(c, in.optString("error"), in.optString("errorName"),
                    in.optBool("isRetryable"), json);
            case "attemptCompletion" -> new Activity.AttemptCompletion(c,
                    in.node().hasNonNull("remainingTodos") ? Optional.of(todos(in, "remainingTodos")) : Optional.empty(),
                    error, json);
            case "todo" -> new Activity.Todo(c, in.optStrings("newTodos"), in.optIntegers("completedTodos"),
                    todos(in, "todos"), error, json);
            case "clearTodo" -> new Activity.ClearTodo(c, error, json);
            case "readImageFile" -> new Activity.ReadImageFile(c, in.string("path"), in.optString("mimeType"),
                    in.optInteger("size"), error, json);
            case "readPdfFile" -> new Activity.ReadPdfFile(c, in.string("path"), in.optString("mimeType"),
                    in.optInteger("size"), error, json);
            case "readTextFile" -> new Activity.ReadTextFile(c, in.string("path"), in.optString("content"),
                    in.optInteger("from"), in.optInteger("to"), error, json);
            case "editTextFile" -> new Activity.EditTextFile(c, in.string("path"), in.string("newText"),
                    in.string("oldText"), error, json);
            case "appendTextFile" -> new Activity.AppendTextFile(c, in.string("path"), in.string("text"), error, json);
            case "writeTextFile" -> new Activity.WriteTextFile(c, in.string("path"), in.string("text"), error, json);
            case "deleteFile" -> new Activity.DeleteFile(c, in.string("path"), error, json);
            case "createDirectory" -> new Activity.CreateDirectory(c, in.string("path"), error, json);
            case "deleteDirectory" -> new Activity.DeleteDirectory(c, in.string("path"), in.optBool("recursive"),
                    error, json);
            case "moveFile" -> new Activity.MoveFile(c, in.string("source"), in.string("destination"), error, json);
            case "getFileInfo" -> new Activity.GetFileInfo(c, in.string("path"), in.optObject("info", FileInfo::read),
                    error, json);
            case "listDirectory" -> new Activity.ListDirectory(c, in.string("path"),
                    in.optList("items", DirectoryItem::read), error, json);
            case "exec" -> new Activity.Exec(c, in.string("command"), in.strings("args"), in.string("cwd"),
                    in.optString("output"), error, in.optString("stdout"), in.optString("stderr"), json);
            case "delegate" -> new Activity.Delegate(c, in.string("delegateExpertKey"), in.string("query"), json);
            case "delegationComplete" -> new Activity.DelegationComplete(c, in.integer("count"), json);
            case "interactiveTool" -> new Activity.InteractiveTool(c, in.string("skillName"), in.string("toolName"),
                    in.any("args"), json);
            case "generalTool" -> new Activity.GeneralTool(c, in.string("skillName"), in.string("toolName"),
                    in.any("args"), Optional.ofNullable(in.node().get("result")).filter(r -> !r.isNull()), error, json);
            default -> new Activity.Unknown(type, c, json);
        };
    }

    /**
     * Reads a checkpoint's activities: its {@code activities} list when present, else its single {@code activity}
     * (what servers before the list wrote).
     */
    static List<Activity> readAll(JsonIn checkpoint) {
        if (checkpoint.node().hasNonNull("activities")) {
            List<Activity> all = checkpoint.list("activities", ActivityReader::read);
            if (all.isEmpty()) {
                throw new InvalidResponseException(checkpoint.path() + ".activities", "must not be empty");
            }
            return all;
        }
        return List.of(checkpoint.object("activity", ActivityReader::read));
    }

    private static Activity.DelegatedBy delegatedBy(JsonIn in) {
        return new Activity.DelegatedBy(in.string("expertKey"), in.string("runId"));
    }

    /** A todo list; an item without an id takes its index, as core does. */
    private static List<Activity.TodoItem> todos(JsonIn in, String field) {
        JsonNode array = in.node().get(field);
        if (array == null || !array.isArray()) {
            throw new InvalidResponseException(in.path() + "." + field, "must be an array");
        }
        List<Activity.TodoItem> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonIn item = JsonIn.of(array.get(i), in.path() + "." + field + "[" + i + "]");
            out.add(new Activity.TodoItem(item.integer("id", i), item.string("title"), item.bool("completed", false)));
        }
        return Collections.unmodifiableList(out);
    }
}
