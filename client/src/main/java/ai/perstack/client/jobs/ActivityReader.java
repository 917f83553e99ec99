package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

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
        String id = in.string("id");
        String expertKey = in.string("expertKey");
        String runId = in.string("runId");
        Optional<String> reasoning = in.optString("reasoning");
        JsonNode json = in.node();
        return switch (type) {
            case "query" -> new Activity.Query(id, expertKey, runId, reasoning, in.string("text"), json);
            case "think" -> new Activity.Think(id, expertKey, runId, reasoning, in.string("thought"), json);
            case "todo" -> new Activity.Todo(id, expertKey, runId, reasoning, in.list("todos", ActivityReader::todoItem), json);
            case "generalTool" -> new Activity.GeneralTool(id, expertKey, runId, reasoning, in.string("skillName"),
                    in.string("toolName"), in.any("args"), in.any("result"), json);
            case "interactiveTool" -> new Activity.InteractiveTool(id, expertKey, runId, reasoning, in.string("skillName"),
                    in.string("toolName"), in.any("args"), in.string("toolCallId"), json);
            case "delegate" -> new Activity.Delegate(id, expertKey, runId, reasoning, in.string("delegateTo"), in.string("query"), json);
            case "delegationComplete" -> new Activity.DelegationComplete(id, expertKey, runId, reasoning, in.optString("delegateTo"),
                    in.string("result"), json);
            case "retry" -> new Activity.Retry(id, expertKey, runId, reasoning, in.string("error"), in.string("message"), json);
            case "attemptCompletion" -> new Activity.AttemptCompletion(id, expertKey, runId, reasoning, json);
            case "complete" -> new Activity.Complete(id, expertKey, runId, reasoning, in.string("text"), json);
            case "error" -> new Activity.Error(id, expertKey, runId, reasoning, in.string("error"), in.string("errorName"),
                    in.bool("isRetryable", false), json);
            default -> new Activity.Unknown(type, id, expertKey, runId, reasoning, json);
        };
    }

    private static Activity.TodoItem todoItem(JsonIn in) {
        return new Activity.TodoItem(in.string("id"), in.string("title"), in.bool("completed", false));
    }
}
