package ai.perstack.client.internal;

import java.lang.System.Logger.Level;

/**
 * Logs each exchange through {@link System.Logger} {@code ai.perstack.client}: method, path,
 * status and latency, never headers or bodies (so neither the API key nor a secret value can
 * appear). At DEBUG normally; with {@code PERSTACK_LOG=debug} at INFO, so it shows under the
 * default logging configuration.
 */
public final class RequestLog {
    private static final System.Logger LOGGER = System.getLogger("ai.perstack.client");
    private final Level level = "debug".equalsIgnoreCase(System.getenv("PERSTACK_LOG")) ? Level.INFO : Level.DEBUG;

    /** Logs a response. */
    public void response(String method, String path, int status, long micros) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, "{0} {1} -> {2} in {3} ms", method, path, status, String.format("%.1f", micros / 1000.0));
        }
    }

    /** Logs a failed exchange. */
    public void failure(String method, String path, Throwable failure, long micros) {
        if (LOGGER.isLoggable(level)) {
            LOGGER.log(level, "{0} {1} -> failed ({2}) in {3} ms", method, path,
                    failure.getClass().getSimpleName(), String.format("%.1f", micros / 1000.0));
        }
    }
}
