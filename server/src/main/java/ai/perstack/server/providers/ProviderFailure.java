package ai.perstack.server.providers;

import java.time.Duration;

/** A step the provider could not take. Retryable failures are retried up to the job's {@code maxRetries}. */
public final class ProviderFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean retryable;
    private final transient Duration retryAfter;
    private final Integer statusCode;

    public ProviderFailure(String name, String message, boolean retryable) {
        this(name, message, retryable, null);
    }

    /** A failure the provider asked to retry no sooner than {@code retryAfter} (null: no preference). */
    public ProviderFailure(String name, String message, boolean retryable, Duration retryAfter) {
        this(name, message, retryable, retryAfter, null);
    }

    /** A failure of an HTTP call to the model that answered {@code statusCode} (null: not an HTTP answer). */
    public ProviderFailure(String name, String message, boolean retryable, Duration retryAfter, Integer statusCode) {
        super(message);
        this.name = name;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.statusCode = statusCode;
    }

    /** The model's HTTP status when it answered with an error, or null; recorded as the checkpoint's {@code error.statusCode}. */
    public Integer statusCode() {
        return statusCode;
    }

    /** A short error name, such as {@code RateLimitError}. */
    public String name() {
        return name;
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the provider asked to wait before a retry (its {@code retry-after}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
