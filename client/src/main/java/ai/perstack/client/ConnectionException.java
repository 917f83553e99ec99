package ai.perstack.client;

/** The server could not be reached or the connection broke (code 0). */
public class ConnectionException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public ConnectionException(ApiError error) {
        super(error);
    }
}
