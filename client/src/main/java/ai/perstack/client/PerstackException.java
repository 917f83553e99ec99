package ai.perstack.client;

/**
 * Unchecked exception thrown by {@link ApiResult#orElseThrow()}; its subclass tells the kind
 * of failure and {@link #error()} carries the details.
 */
public class PerstackException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiError error;

    /**
     * Wraps {@code error}; the message never contains the API key or a secret value.
     *
     * @param error the error this exception carries
     */
    public PerstackException(ApiError error) {
        super(error.code() == 0 ? error.message() : "error " + error.code() + ": " + error.message());
        this.error = error;
    }

    /** {@return the error behind this exception} */
    public ApiError error() {
        return error;
    }

    /** {@return the HTTP status, or 0 for network failures, validation and aborts} */
    public int code() {
        return error.code();
    }
}
