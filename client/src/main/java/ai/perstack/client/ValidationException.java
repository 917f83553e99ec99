package ai.perstack.client;

/** An input failed client-side validation before reaching the network, or a response did not match the contract (code 0); {@code error().reason()} names the field. */
public class ValidationException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public ValidationException(ApiError error) {
        super(error);
    }
}
