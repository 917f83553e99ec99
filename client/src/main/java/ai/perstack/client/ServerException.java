package ai.perstack.client;

/** The server failed (5xx). */
public class ServerException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code error}. */
    public ServerException(ApiError error) {
        super(error);
    }
}
