package ai.perstack.server.skills.base;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The names, descriptions and input schemas of core's 17 base tools, in core's order. */
public final class BaseTools {
    /** One tool's definition. */
    public record Definition(String name, String description, ObjectNode inputSchema) {
    }

    /** Every base tool. */
    public static final List<Definition> ALL = List.of(
            tool("attemptCompletion", "Check whether the task is complete: returns the todos still open, or an "
                    + "empty object when nothing remains. Call it alone, without text, when you are done."),
            tool("todo", "Add todos and mark todos completed; returns the whole list.",
                    "newTodos", "array:string:Titles of todos to add", "completedTodos",
                    "array:number:Ids of todos that are done"),
            tool("clearTodo", "Remove every todo and restart the ids at 0."),
            tool("healthCheck", "Report the base skill's status, workspace, uptime and memory."),
            tool("exec", "Run a command directly (no shell) in a workspace directory.", "*command",
                    "string:The executable", "*args", "array:string:Its arguments", "*env",
                    "object:Extra environment variables", "*cwd", "string:Working directory", "*stdout",
                    "boolean:Include stdout in the output", "*stderr", "boolean:Include stderr in the output",
                    "timeout", "number:Timeout in milliseconds (default 60000)"),
            tool("readTextFile", "Read a UTF-8 text file, optionally lines [from, to) counted from 0.", "*path",
                    "string:File path", "from", "number:First line (0-based)", "to", "number:Line to stop before"),
            tool("readImageFile", "Read a PNG, JPEG, GIF or WebP image (at most 15 MiB).", "*path",
                    "string:Image path"),
            tool("readPdfFile", "Read a PDF file (at most 30 MiB).", "*path", "string:PDF path"),
            tool("writeTextFile", "Create or overwrite a text file; parent directories are created.", "*path",
                    "string:File path", "*text", "string:The whole content"),
            tool("appendTextFile", "Append text to an existing file (no newline is added).", "*path",
                    "string:File path", "*text", "string:Text to append"),
            tool("editTextFile", "Replace the first occurrence of oldText with newText in a file.", "*path",
                    "string:File path", "*newText", "string:Replacement", "*oldText", "string:Text to replace"),
            tool("moveFile", "Move or rename a file or directory; the destination must not exist.", "*source",
                    "string:Current path", "*destination", "string:New path"),
            tool("deleteFile", "Delete a file (not a directory).", "*path", "string:File path"),
            tool("getFileInfo", "Describe a file or directory: type, size, times and permissions.", "*path",
                    "string:Path"),
            tool("listDirectory", "List the direct children of a directory, sorted by name.", "*path",
                    "string:Directory path"),
            tool("createDirectory", "Create a directory and any missing parents; it must not exist yet.", "*path",
                    "string:Directory path"),
            tool("deleteDirectory", "Delete a directory; with recursive, also everything in it.", "*path",
                    "string:Directory path", "recursive", "boolean:Delete the contents too"));

    private BaseTools() {
    }

    /** Properties come in pairs: name ("*" first when required), then "type[:items]:description". */
    private static Definition tool(String name, String description, String... properties) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        var required = schema.putArray("required");
        for (int i = 0; i < properties.length; i += 2) {
            String key = properties[i];
            if (key.startsWith("*")) {
                key = key.substring(1);
                required.add(key);
            }
            String[] spec = properties[i + 1].split(":", 3);
            ObjectNode prop = props.putObject(key);
            prop.put("type", spec[0]);
            if (spec[0].equals("array")) {
                prop.putObject("items").put("type", spec[1]);
                prop.put("description", spec[2]);
            } else if (spec[0].equals("object")) {
                prop.putObject("additionalProperties").put("type", "string");
                prop.put("description", spec.length == 3 ? spec[1] + ":" + spec[2] : spec[1]);
            } else {
                prop.put("description", spec.length == 3 ? spec[1] + ":" + spec[2] : spec[1]);
            }
        }
        schema.put("additionalProperties", false);
        return new Definition(name, description, schema);
    }
}
