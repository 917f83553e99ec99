package ai.perstack.server.providers;

/** A step the provider could not take. Retryable failures are retried up to the job's {@code maxRetries}. */
public final class ProviderFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final boolean retryable;

    public ProviderFailure(String name, String message, boolean retryable) {
        super(message);
        this.name = name;
        this.retryable = retryable;
    }

    /** A short error name, such as {@code RateLimitError}. */
    public String name() {
        return name;
    }

    public boolean retryable() {
        return retryable;
    }
}
