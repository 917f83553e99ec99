package ai.perstack.server.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the caller can act on, with its HTTP-neutral kind. The http layer maps the kind
 * to a status code; the domain never mentions HTTP. Messages never contain secret values.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms of the wire contract. */
    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), NOT_ALLOWED(405),
        REQUEST_TIMEOUT(408), CONFLICT(409), TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), RATE_LIMITED(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status code of this kind. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final Map<String, String> fieldErrors;
    private final long retryAfterSeconds;

    private ApiException(Kind kind, String message, Map<String, String> fieldErrors) {
        this(kind, message, fieldErrors, 0);
    }

    private ApiException(Kind kind, String message, Map<String, String> fieldErrors, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.fieldErrors = fieldErrors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 400 naming each failing field and the rule it broke. */
    public static ApiException invalid(Map<String, String> fieldErrors) {
        return new ApiException(Kind.INVALID, "validation failed",
                Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors)));
    }

    /** A 400 for a single field. */
    public static ApiException invalid(String field, String rule) {
        return invalid(Map.of(field, rule));
    }

    /** A 400 with a plain reason (not tied to one field). */
    public static ApiException badRequest(String reason) {
        return new ApiException(Kind.INVALID, reason, null);
    }

    public static ApiException notFound(String reason) {
        return new ApiException(Kind.NOT_FOUND, reason, null);
    }

    public static ApiException conflict(String reason) {
        return new ApiException(Kind.CONFLICT, reason, null);
    }

    /**
     * A 409 that will pass when the same request is tried again later (another request with its idempotency key is
     * still being processed), saying after how many seconds.
     */
    public static ApiException conflictTryAgain(String reason, long retryAfterSeconds) {
        return new ApiException(Kind.CONFLICT, reason, null, retryAfterSeconds);
    }

    public static ApiException forbidden(String reason) {
        return new ApiException(Kind.FORBIDDEN, reason, null);
    }

    /** Any other kind with a plain reason. */
    public static ApiException of(Kind kind, String reason) {
        return new ApiException(kind, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** After how many seconds the same request may pass, or 0 when trying again will not help. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The failing fields of a validation error, or null for a plain reason. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
