package ai.perstack.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a call failed, in the same shape as the TypeScript client's {@code ApiError}, plus what the
 * server said about the response it failed with: its {@code Request-Id} and headers (quote the
 * request id when reporting a problem).
 *
 * @param code      the HTTP status, or 0 for network failures, client-side validation and aborts
 * @param message   a one-line human-readable description; never contains the API key or a secret value
 * @param reason    additional detail from the server ({@code String}, or a {@code Map} of field to rule
 *                  for validation errors), or {@code null}
 * @param aborted   true when the caller's abort signal fired or a timeout (request or stream idle) ended the call
 * @param requestId the response's {@code Request-Id} header; empty when no response was received or it had none
 * @param headers   the response's headers (names in lower case); empty when no response was received
 */
public record ApiError(int code, String message, Object reason, boolean aborted,
                       Optional<String> requestId, Map<String, List<String>> headers) {

    /**
     * Creates an error; {@code message} must not be null.
     *
     * @param code the HTTP status, or 0 for network failures, client-side validation and aborts
     * @param message a one-line human-readable description; never contains the API key or a secret value
     * @param reason additional detail from the server ({@code String}, or a {@code Map} of field to rule for validation errors), or {@code null}
     * @param aborted true when the caller's abort signal fired or a timeout (request or stream idle) ended the call
     * @param requestId the response's {@code Request-Id} header, or empty
     * @param headers the response's headers, or empty
     */
    public ApiError {
        if (message == null) {
            throw new IllegalArgumentException("message must not be null");
        }
        requestId = requestId == null ? Optional.empty() : requestId;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /**
     * Creates an error that did not come from a response (no request id, no headers).
     *
     * @param code the HTTP status, or 0 for network failures, client-side validation and aborts
     * @param message a one-line human-readable description; never contains the API key or a secret value
     * @param reason additional detail from the server, or {@code null}
     * @param aborted true when the caller's abort signal fired or a timeout ended the call
     */
    public ApiError(int code, String message, Object reason, boolean aborted) {
        this(code, message, reason, aborted, Optional.empty(), Map.of());
    }

    /** {@return the HTTP status of the response the call failed with, or 0 when there was none (same as {@link #code()})} */
    public int status() {
        return code;
    }

    /**
     * This error with the request id and headers of the response it came from.
     *
     * @param response the response
     * @return a copy of this error carrying the response's request id and headers
     */
    public ApiError withResponse(ResponseInfo response) {
        return new ApiError(code, message, reason, aborted, response.requestId(), response.headers());
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

    /** Headers are left out: they are long and rarely what a reader of a log line needs. */
    @Override
    public String toString() {
        return "ApiError[code=" + code + ", message=" + message + ", reason=" + reason + ", aborted=" + aborted
                + ", requestId=" + requestId.orElse("") + "]";
    }
}
