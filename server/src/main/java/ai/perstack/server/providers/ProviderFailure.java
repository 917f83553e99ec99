package ai.perstack.server.providers;

import java.time.Duration;

/** A step the provider could not take. Retryable failures are retried up to the job's {@code maxRetries}. */
public final class ProviderFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean retryable;
    private final transient Duration retryAfter;

    public ProviderFailure(String name, String message, boolean retryable) {
        this(name, message, retryable, null);
    }

    /** A failure the provider asked to retry no sooner than {@code retryAfter} (null: no preference). */
    public ProviderFailure(String name, String message, boolean retryable, Duration retryAfter) {
        super(message);
        this.name = name;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
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
