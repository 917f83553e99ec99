package ai.perstack.client;

/** The server's rate limit was exceeded (429). */
public class RateLimitException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public RateLimitException(ApiError error) {
        super(error);
    }
}
