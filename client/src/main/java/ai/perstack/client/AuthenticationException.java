package ai.perstack.client;

/** The API key is missing or unknown (401). */
public class AuthenticationException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public AuthenticationException(ApiError error) {
        super(error);
    }
}
