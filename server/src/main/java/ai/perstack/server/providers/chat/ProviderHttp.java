package ai.perstack.server.providers.chat;

import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.providers.StepContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * POSTs JSON to a model server and turns every way that can fail into a {@link ProviderFailure}:
 * 401/403 and other 4xx are final; 408, 409, 429, 5xx, timeouts and connection failures are
 * retryable, with the server's {@code retry-after-ms} or {@code retry-after}. Messages are put
 * through a scrubber before they leave, so no secret value reaches a checkpoint or a log.
 * A cancel of the job ends the wait for the response at once.
 */
public final class ProviderHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_MS = 25;
    private static final long CANCEL_CHECK_MS = 2;
    /**
     * The most of a server's own error message a failure repeats: enough for "model not found",
     * too little to read another server's pages through the job's error.
     */
    private static final int MAX_MESSAGE = 200;

    private final HttpClient client;
    private final ProviderSettings settings;

    public ProviderHttp(ProviderSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public ProviderSettings settings() {
        return settings;
    }

    /**
     * Sends {@code body} and returns the parsed JSON of a 2xx response.
     *
     * @param provider  the provider's name, for messages
     * @param where     how to name the server in messages (null: do not name it)
     * @param scrubber  applied to every message that leaves (removes secret values)
     */
    public JsonNode postJson(String provider, URI uri, String where, Map<String, String> headers, JsonNode body,
                             StepContext ctx, UnaryOperator<String> scrubber)
            throws ProviderFailure, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> response = await(client.sendAsync(b.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), provider, where, ctx, scrubber);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new ProviderFailure("MalformedResponse", provider + " returned a response body that is not JSON",
                        false);
            }
        }
        String message = scrubber.apply(provider + " returned " + status + ": " + errorMessage(response.body()));
        Duration retryAfter = retryAfter(response);
        throw new ProviderFailure(errorName(status), message, isRetryable(status), isRetryable(status) ? retryAfter : null,
                status);
    }

    private static String errorName(int status) {
        return switch (status) {
            case 401 -> "AuthenticationError";
            case 403 -> "PermissionDeniedError";
            case 429 -> "RateLimitError";
            case 408 -> "TimeoutError";
            case 409 -> "ConflictError";
            case 404 -> "NotFoundError";
            default -> status >= 500 ? "ServerError" : "BadRequestError";
        };
    }

    private static boolean isRetryable(int status) {
        return status == 429 || status == 408 || status == 409 || status >= 500;
    }

    private HttpResponse<String> await(CompletableFuture<HttpResponse<String>> future, String provider, String where,
                                       StepContext ctx, UnaryOperator<String> scrubber)
            throws ProviderFailure, InterruptedException {
        try {
            while (true) {
                try {
                    return future.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // A short wait that throws when the job was canceled or the server stops.
                    ctx.sleeper().sleep(CANCEL_CHECK_MS);
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String at = where == null ? "" : " at " + where;
            if (cause instanceof HttpConnectTimeoutException) {
                throw new ProviderFailure("ConnectionError", scrubber.apply("could not connect to " + provider + at
                        + " within " + seconds(settings.connectTimeout())), true);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new ProviderFailure("TimeoutError", scrubber.apply(provider + at + " did not answer within "
                        + seconds(settings.requestTimeout())), true);
            }
            if (cause instanceof ConnectException) {
                throw new ProviderFailure("ConnectionError", scrubber.apply("could not connect to " + provider + at
                        + " (connection refused)"), true);
            }
            String detail = cause == null ? e.toString() : cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            throw new ProviderFailure("ConnectionError", scrubber.apply("the call to " + provider + at + " failed: "
                    + detail), true);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The server's own message: {@code error.message} (OpenAI and Anthropic), {@code error}, or the body itself. */
    static String errorMessage(String body) {
        String text = body == null ? "" : body.strip();
        try {
            JsonNode json = JSON.readTree(text);
            JsonNode error = json.path("error");
            if (error.path("message").isTextual()) {
                text = error.path("message").asText();
            } else if (error.isTextual()) {
                text = error.asText();
            } else if (json.path("message").isTextual()) {
                text = json.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: the body as it is
        }
        if (text.isEmpty()) {
            return "(no message)";
        }
        if (text.length() <= MAX_MESSAGE) {
            return text;
        }
        // Never cut between the two halves of a surrogate pair.
        int end = Character.isHighSurrogate(text.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return text.substring(0, end) + "...";
    }

    /** {@code retry-after-ms}, else {@code retry-after} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        String ms = response.headers().firstValue("retry-after-ms").orElse(null);
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.strip())));
            } catch (NumberFormatException e) {
                // try retry-after
            }
        }
        String value = response.headers().firstValue("retry-after").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
