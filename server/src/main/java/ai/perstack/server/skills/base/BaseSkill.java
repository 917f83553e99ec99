package ai.perstack.server.skills.base;

import ai.perstack.server.skills.StdioPolicy;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code @perstack/base}: core's 17 tools run in-process against one job's
 * workspace. Every call answers with one JSON text, as core's tools do: the success object, or
 * {@code {"error": name, "message": text}} ({@code exec} has its own failure shape). The todo
 * list is kept in the job's {@link TodoStore}, so it is the job's, not the process's.
 */
public final class BaseSkill implements AutoCloseable {
    private static final long STARTED = System.nanoTime();

    private final Workspace workspace;
    private final TodoStore todos;
    private final FileTools files;
    private final ExecTool exec;

    /**
     * @param hostEnv the server's environment, from which only core's safe names reach {@code exec}
     * @param policy  the operator's rule for processes, which {@code exec} obeys like a stdio skill
     */
    public BaseSkill(Workspace workspace, TodoStore todos, Map<String, String> hostEnv, StdioPolicy policy) {
        this.workspace = workspace;
        this.todos = todos;
        this.files = new FileTools(workspace);
        this.exec = new ExecTool(files, hostEnv, policy);
    }

    /** A base skill whose {@code exec} may run any command (the tests of the tools themselves). */
    BaseSkill(Workspace workspace, TodoStore todos, Map<String, String> hostEnv) {
        this(workspace, todos, hostEnv, StdioPolicy.ANY);
    }

    /** The tools, as {@link BaseTools#ALL} lists them. */
    public List<BaseTools.Definition> tools() {
        return BaseTools.ALL;
    }

    /** Runs one tool and returns its JSON text. */
    public String call(String tool, JsonNode arguments) {
        Args args = new Args(arguments);
        try {
            return switch (tool) {
                case "attemptCompletion" -> attemptCompletion().toString();
                case "todo" -> todo(args).toString();
                case "clearTodo" -> clearTodo().toString();
                case "healthCheck" -> healthCheck().toString();
                case "exec" -> exec.exec(args).toString();
                case "readTextFile" -> files.readTextFile(args);
                case "readImageFile" -> files.readMedia(args, false).toString();
                case "readPdfFile" -> files.readMedia(args, true).toString();
                case "writeTextFile" -> files.writeTextFile(args);
                case "appendTextFile" -> files.appendTextFile(args);
                case "editTextFile" -> files.editTextFile(args).toString();
                case "moveFile" -> files.moveFile(args).toString();
                case "deleteFile" -> files.deleteFile(args).toString();
                case "getFileInfo" -> files.getFileInfo(args).toString();
                case "listDirectory" -> files.listDirectory(args).toString();
                case "createDirectory" -> files.createDirectory(args).toString();
                case "deleteDirectory" -> files.deleteDirectory(args).toString();
                default -> throw new IllegalArgumentException("base skill has no tool " + tool);
            };
        } catch (ToolError e) {
            return error(e.name(), e.getMessage());
        } catch (IOException e) {
            return error("Error", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("Error", "Tool call was interrupted");
        }
    }

    /** The job's todo list as it is now. */
    public TodoState todoState() {
        synchronized (todos) {
            return todos.load();
        }
    }

    /** Ends every running {@code exec} command; later calls of {@code exec} fail. */
    @Override
    public void close() {
        exec.close();
    }

    private ObjectNode attemptCompletion() {
        List<Todo> remaining = todoState().remaining();
        ObjectNode result = FileTools.json();
        if (!remaining.isEmpty()) {
            todosInto(result.putArray("remainingTodos"), remaining);
        }
        return result;
    }

    private ObjectNode todo(Args args) throws ToolError {
        List<String> add = args.strings("newTodos", false);
        List<Integer> done = args.ints("completedTodos");
        TodoState next;
        synchronized (todos) {
            next = todos.load().apply(add == null ? List.of() : add, done == null ? List.of() : done);
            todos.save(next);
        }
        ObjectNode result = FileTools.json();
        todosInto(result.putArray("todos"), next.todos());
        return result;
    }

    private ObjectNode clearTodo() {
        synchronized (todos) {
            todos.save(TodoState.EMPTY);
        }
        ObjectNode result = FileTools.json();
        result.putArray("todos");
        return result;
    }

    private ObjectNode healthCheck() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        ObjectNode result = FileTools.json().put("status", "ok").put("workspace", workspace.root().toString())
                .put("uptime", ((System.nanoTime() - STARTED) / 1_000_000_000L) + "s");
        result.putObject("memory").put("heapUsed", (used >> 20) + "MB").put("heapTotal", (rt.totalMemory() >> 20) + "MB");
        result.put("pid", ManagementFactory.getRuntimeMXBean().getPid());
        return result;
    }

    private static void todosInto(ArrayNode array, List<Todo> list) {
        list.forEach(t -> array.addObject().put("id", t.id()).put("title", t.title()).put("completed", t.completed()));
    }

    private static String error(String name, String message) {
        return FileTools.json().put("error", name).put("message", message).toString();
    }
}
