package ai.perstack.server.skills;

/** No skill lists a tool of this name (core fails the run: "Tool X not found"). */
public final class UnknownToolException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnknownToolException(String toolName) {
        super("Tool " + toolName + " not found");
    }
}
