package ai.perstack.client.config;

/**
 * A {@code perstack.toml} that cannot be used; the message names the file, the table and the
 * field, e.g. {@code perstack.toml: [experts."triage".skills."ask"] type: must be one of ...}.
 */
public final class PerstackTomlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with its full message.
     *
     * @param message what is wrong, where
     */
    public PerstackTomlException(String message) {
        super(message);
    }

    /**
     * An error with its full message and its cause.
     *
     * @param message what is wrong, where
     * @param cause the parser's error
     */
    public PerstackTomlException(String message, Throwable cause) {
        super(message, cause);
    }
}
