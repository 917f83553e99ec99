package ai.perstack.client;

/**
 * Why a call failed, in the same shape as the TypeScript client's {@code ApiError}.
 *
 * @param code    the HTTP status, or 0 for network failures, client-side validation and aborts
 * @param message a one-line human-readable description; never contains the API key or a secret value
 * @param reason  additional detail from the server ({@code String}, or a {@code Map} of field to rule
 *                for validation errors), or {@code null}
 * @param aborted true when the caller's abort signal fired or a timeout (request or stream idle) ended the call
 */
public record ApiError(int code, String message, Object reason, boolean aborted) {

    /**
     * Creates an error; {@code message} must not be null.
     *
     * @param code the HTTP status, or 0 for network failures, client-side validation and aborts
     * @param message a one-line human-readable description; never contains the API key or a secret value
     * @param reason additional detail from the server ({@code String}, or a {@code Map} of field to rule for validation errors), or {@code null}
     * @param aborted true when the caller's abort signal fired or a timeout (request or stream idle) ended the call
     */
    public ApiError {
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
    }

    /** {@return the exception {@link ApiResult#orElseThrow()} throws for this error} */
    public PerstackException toException() {
        if (aborted) {
            return new AbortedException(this);
        }
        return switch (code) {
            // Validation failures (of an input or of a response) always name their fields in a map.
            case 0 -> reason instanceof java.util.Map<?, ?>
                    ? new ValidationException(this) : new ConnectionException(this);
            case 400 -> new BadRequestException(this);
            case 401 -> new AuthenticationException(this);
            case 403 -> new PermissionDeniedException(this);
            case 404 -> new NotFoundException(this);
            case 409 -> new ConflictException(this);
            case 429 -> new RateLimitException(this);
            default -> code >= 500 ? new ServerException(this) : new PerstackException(this);
        };
    }
}
