package ai.perstack.server.skills.base;

/**
 * A base tool's failure, returned to the model as {@code {"error": name, "message": message}}
 * rather than thrown at the job.
 */
final class ToolError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String name;

    ToolError(String message) {
        this("Error", message);
    }

    ToolError(String name, String message) {
        super(message);
        this.name = name;
    }

    String name() {
        return name;
    }
}
