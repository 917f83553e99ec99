package ai.perstack.server.providers;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP providers ({@code openai}, {@code anthropic}) talk to their servers.
 *
 * @param connectTimeout  how long to wait for a connection
 * @param requestTimeout  how long one model call may take, from sending the request to the last byte of the response
 * @param retryBaseDelay  the wait before the first retry of a failed call when the server gave no {@code retry-after};
 *                        it doubles with each further retry
 * @param maxRetryDelay   the longest wait before a retry, also when the server's {@code retry-after} asks for more
 */
public record ProviderSettings(Duration connectTimeout, Duration requestTimeout, Duration retryBaseDelay,
                               Duration maxRetryDelay) {

    public ProviderSettings {
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (retryBaseDelay.isNegative() || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** Connect within 10 s, a model call within 180 s, retries after 1 s, 2 s, 4 s... up to 60 s. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Duration.ofSeconds(10), Duration.ofSeconds(180), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public ProviderSettings withRequestTimeout(Duration requestTimeout) {
        return new ProviderSettings(connectTimeout, requestTimeout, retryBaseDelay, maxRetryDelay);
    }

    public ProviderSettings withConnectTimeout(Duration connectTimeout) {
        return new ProviderSettings(connectTimeout, requestTimeout, retryBaseDelay, maxRetryDelay);
    }

    /** The same settings with other retry waits. */
    public ProviderSettings withRetryDelays(Duration retryBaseDelay, Duration maxRetryDelay) {
        return new ProviderSettings(connectTimeout, requestTimeout, retryBaseDelay, maxRetryDelay);
    }

    /**
     * The wait before retry number {@code failures} (1 for the first): the server's
     * {@code retryAfter} when given, else the base delay doubled per earlier failure; at most
     * {@link #maxRetryDelay}.
     */
    public Duration retryDelay(int failures, Duration retryAfter) {
        Duration wanted;
        if (retryAfter != null && !retryAfter.isNegative()) {
            wanted = retryAfter;
        } else {
            long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
            wanted = retryBaseDelay.multipliedBy(factor);
        }
        return wanted.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : wanted;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
