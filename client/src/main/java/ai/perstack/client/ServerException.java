package ai.perstack.client;

/** The server failed (5xx). */
public class ServerException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public ServerException(ApiError error) {
        super(error);
    }
}
