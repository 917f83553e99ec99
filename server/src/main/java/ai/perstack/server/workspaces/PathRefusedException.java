package ai.perstack.server.workspaces;

/**
 * A path a job named is outside its workspace, inside the reserved directory, or otherwise
 * unusable. The message says which path and which rule, and is safe to show the model.
 */
public final class PathRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public PathRefusedException(String message) {
        super(message);
    }
}
