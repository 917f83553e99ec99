package ai.perstack.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a checkpoint's step did, Perstack core's activity union on {@link #type()}. Every variant keeps the object as
 * received in {@link #json()}, and a type this client does not know arrives as {@link Unknown}, so nothing is lost
 * when an activity is read and written back. Optional fields absent on the wire are empty.
 */
public sealed interface Activity {

    /** {@return the wire type, e.g. {@code readTextFile}} */
    String type();

    /** {@return the fields every activity has} */
    Common common();

    /** {@return the object as received} */
    JsonNode json();

    /** {@return the activity id} */
    default String id() {
        return common().id();
    }

    /** {@return the key of the expert whose step it was} */
    default String expertKey() {
        return common().expertKey();
    }

    /** {@return the run it belongs to} */
    default String runId() {
        return common().runId();
    }

    /** {@return the model's reasoning (thinking) text, when recorded} */
    default Optional<String> reasoning() {
        return common().reasoning();
    }

    /**
     * The fields every activity has.
     *
     * @param id                 the activity id
     * @param expertKey          the expert whose step it was
     * @param runId              the run it belongs to
     * @param previousActivityId the previous activity of the same run
     * @param delegatedBy        in a delegate's run: the expert and run that delegated
     * @param reasoning          the model's thinking text
     */
    record Common(String id, String expertKey, String runId, Optional<String> previousActivityId,
                  Optional<DelegatedBy> delegatedBy, Optional<String> reasoning) {
    }

    /** Who delegated a run. @param expertKey the delegating expert @param runId its run */
    record DelegatedBy(String expertKey, String runId) {
    }

    /**
     * One item of a todo list.
     *
     * @param id        the item id (its index when the tool gave none)
     * @param title     what to do
     * @param completed whether it is done
     */
    record TodoItem(long id, String title, boolean completed) {
    }

    /** The query that starts a run. @param text the query text */
    record Query(Common common, String text, JsonNode json) implements Activity {
        @Override public String type() { return "query"; }
    }

    /** A failed generation that will be retried. @param error the error @param message what the model is told */
    record Retry(Common common, String error, String message, JsonNode json) implements Activity {
        @Override public String type() { return "retry"; }
    }

    /** The run's final answer. @param text the answer */
    record Complete(Common common, String text, JsonNode json) implements Activity {
        @Override public String type() { return "complete"; }
    }

    /** A failure that stopped the run. @param error message @param errorName kind @param isRetryable whether a retry may help */
    record Error(Common common, Optional<String> error, Optional<String> errorName, Optional<Boolean> isRetryable,
                 JsonNode json) implements Activity {
        @Override public String type() { return "error"; }
    }

    /** The base tool {@code attemptCompletion}. @param remainingTodos todos still open @param error the tool's error */
    record AttemptCompletion(Common common, Optional<List<TodoItem>> remainingTodos, Optional<String> error,
                             JsonNode json) implements Activity {
        @Override public String type() { return "attemptCompletion"; }
    }

    /**
     * The base tool {@code todo}.
     *
     * @param newTodos       titles added
     * @param completedTodos ids marked done
     * @param todos          the whole list after the call
     * @param error          the tool's error
     */
    record Todo(Common common, Optional<List<String>> newTodos, Optional<List<Long>> completedTodos,
                List<TodoItem> todos, Optional<String> error, JsonNode json) implements Activity {
        @Override public String type() { return "todo"; }
    }

    /** The base tool {@code clearTodo}. @param error the tool's error */
    record ClearTodo(Common common, Optional<String> error, JsonNode json) implements Activity {
        @Override public String type() { return "clearTodo"; }
    }

    /** The base tool {@code readImageFile}. @param path file @param mimeType its type @param size bytes @param error the tool's error */
    record ReadImageFile(Common common, String path, Optional<String> mimeType, OptionalLong size, Optional<String> error,
                         JsonNode json) implements Activity {
        @Override public String type() { return "readImageFile"; }
    }

    /** The base tool {@code readPdfFile}. @param path file @param mimeType its type @param size bytes @param error the tool's error */
    record ReadPdfFile(Common common, String path, Optional<String> mimeType, OptionalLong size, Optional<String> error,
                       JsonNode json) implements Activity {
        @Override public String type() { return "readPdfFile"; }
    }

    /** The base tool {@code readTextFile}. @param path file @param content text read @param from first line @param to last line @param error the tool's error */
    record ReadTextFile(Common common, String path, Optional<String> content, OptionalLong from, OptionalLong to,
                        Optional<String> error, JsonNode json) implements Activity {
        @Override public String type() { return "readTextFile"; }
    }

    /** The base tool {@code editTextFile}. @param path file @param newText replacement @param oldText replaced text @param error the tool's error */
    record EditTextFile(Common common, String path, String newText, String oldText, Optional<String> error,
                        JsonNode json) implements Activity {
        @Override public String type() { return "editTextFile"; }
    }

    /** The base tool {@code appendTextFile}. @param path file @param text appended @param error the tool's error */
    record AppendTextFile(Common common, String path, String text, Optional<String> error, JsonNode json)
            implements Activity {
        @Override public String type() { return "appendTextFile"; }
    }

    /** The base tool {@code writeTextFile}. @param path file @param text written @param error the tool's error */
    record WriteTextFile(Common common, String path, String text, Optional<String> error, JsonNode json)
            implements Activity {
        @Override public String type() { return "writeTextFile"; }
    }

    /** The base tool {@code deleteFile}. @param path file @param error the tool's error */
    record DeleteFile(Common common, String path, Optional<String> error, JsonNode json) implements Activity {
        @Override public String type() { return "deleteFile"; }
    }

    /** The base tool {@code createDirectory}. @param path directory @param error the tool's error */
    record CreateDirectory(Common common, String path, Optional<String> error, JsonNode json) implements Activity {
        @Override public String type() { return "createDirectory"; }
    }

    /** The base tool {@code deleteDirectory}. @param path directory @param recursive with contents @param error the tool's error */
    record DeleteDirectory(Common common, String path, Optional<Boolean> recursive, Optional<String> error,
                           JsonNode json) implements Activity {
        @Override public String type() { return "deleteDirectory"; }
    }

    /** The base tool {@code moveFile}. @param source from @param destination to @param error the tool's error */
    record MoveFile(Common common, String source, String destination, Optional<String> error, JsonNode json)
            implements Activity {
        @Override public String type() { return "moveFile"; }
    }

    /** The base tool {@code getFileInfo}. @param path file @param info what it found @param error the tool's error */
    record GetFileInfo(Common common, String path, Optional<FileInfo> info, Optional<String> error, JsonNode json)
            implements Activity {
        @Override public String type() { return "getFileInfo"; }
    }

    /** The base tool {@code listDirectory}. @param path directory @param items its entries @param error the tool's error */
    record ListDirectory(Common common, String path, Optional<List<DirectoryItem>> items, Optional<String> error,
                         JsonNode json) implements Activity {
        @Override public String type() { return "listDirectory"; }
    }

    /**
     * The base tool {@code exec}.
     *
     * @param command the program
     * @param args    its arguments
     * @param cwd     the working directory
     * @param output  combined output
     * @param error   the tool's error
     * @param stdout  standard output
     * @param stderr  standard error
     */
    record Exec(Common common, String command, List<String> args, String cwd, Optional<String> output,
                Optional<String> error, Optional<String> stdout, Optional<String> stderr, JsonNode json)
            implements Activity {
        @Override public String type() { return "exec"; }
    }

    /** A delegation. @param delegateExpertKey the delegate's key @param query what it is asked */
    record Delegate(Common common, String delegateExpertKey, String query, JsonNode json) implements Activity {
        @Override public String type() { return "delegate"; }
    }

    /** The delegates of a step have finished and their results are back. @param count how many */
    record DelegationComplete(Common common, long count, JsonNode json) implements Activity {
        @Override public String type() { return "delegationComplete"; }
    }

    /**
     * A call of an interactive tool: the job stops until {@code jobs.continueJob} answers it (the call's id is in
     * the checkpoint's {@code pendingToolCalls}).
     *
     * @param skillName the interactive skill
     * @param toolName  the tool
     * @param args      the arguments, e.g. {@code {"question": "..."}}
     */
    record InteractiveTool(Common common, String skillName, String toolName, JsonNode args, JsonNode json)
            implements Activity {
        @Override public String type() { return "interactiveTool"; }
    }

    /**
     * Any other tool call and its result.
     *
     * @param skillName the skill
     * @param toolName  the tool
     * @param args      the arguments
     * @param result    the result's message parts
     * @param error     the tool's error
     */
    record GeneralTool(Common common, String skillName, String toolName, JsonNode args, Optional<JsonNode> result,
                       Optional<String> error, JsonNode json) implements Activity {
        @Override public String type() { return "generalTool"; }
    }

    /** An activity type this client does not know (or {@code think} of older servers); {@link #json()} has all of it. @param type its wire type */
    record Unknown(String type, Common common, JsonNode json) implements Activity {
    }
}
