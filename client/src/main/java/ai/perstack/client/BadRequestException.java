package ai.perstack.client;

/** The server rejected the request as invalid (400); {@code error().reason()} names each failing field. */
public class BadRequestException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public BadRequestException(ApiError error) {
        super(error);
    }
}
