package ai.perstack.client.internal;

import ai.perstack.client.AbortSignal;
import ai.perstack.client.ApiError;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Builds the {@link ApiError}s of every failure kind, with messages that are safe to show. */
public final class Errors {
    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private Errors() {
    }

    /** The reason phrase of an HTTP status. */
    public static String phrase(int status) {
        return PHRASES.getOrDefault(status, "HTTP " + status);
    }

    /** The caller's signal fired. */
    public static ApiError aborted(AbortSignal signal) {
        String why = signal.reason().map(r -> "request was aborted: " + r).orElse("request was aborted");
        return new ApiError(0, why, null, true);
    }

    /** The client was closed before the call completed. */
    public static ApiError clientClosed() {
        return new ApiError(0, "the client was closed", null, true);
    }

    /** The calling thread was interrupted during a blocking call; its interrupt status is kept. */
    public static ApiError interrupted() {
        return new ApiError(0, "request was interrupted", null, true);
    }

    /** The overall timeout passed. */
    public static ApiError timedOut(Duration timeout) {
        return new ApiError(0, "request timed out after " + human(timeout), null, true);
    }

    /** No bytes arrived on a stream for {@code timeout}. */
    public static ApiError streamIdle(Duration timeout) {
        return new ApiError(0, "stream timed out: no data for " + human(timeout), null, true);
    }

    /** A network failure. */
    public static ApiError connection(Throwable failure, URI baseUrl) {
        Throwable cause = unwrap(failure);
        String where = baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
        String what;
        if (cause instanceof ConnectException) {
            what = "connection to " + where + " refused";
        } else if (cause instanceof HttpTimeoutException) {
            what = "connection to " + where + " timed out";
        } else if (cause instanceof IOException) {
            what = "connection to " + where + " failed: " + describe(cause);
        } else {
            what = "request to " + where + " failed: " + describe(cause);
        }
        return new ApiError(0, what, null, false);
    }

    /** A response body that does not match the contract. */
    public static ApiError invalidResponse(String field, String problem) {
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put(field, problem);
        return new ApiError(0, "invalid response: " + field + " " + problem, java.util.Collections.unmodifiableMap(reason), false);
    }

    /** Inputs that failed client-side validation. */
    public static ApiError invalidInput(Map<String, String> problems) {
        StringJoiner message = new StringJoiner("; ", "invalid input: ", "");
        problems.forEach((field, rule) -> message.add(field + " " + rule));
        return new ApiError(0, message.toString(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems)), false);
    }

    /** A non-2xx response: the JSON error body when there is one, else the status alone. */
    public static ApiError fromStatus(int status, byte[] body) {
        String phrase = phrase(status);
        JsonNode json = null;
        try {
            if (body != null && body.length > 0) {
                json = Json.parse(body);
            }
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return new ApiError(status, phrase + " (the response body was not JSON)", null, false);
        }
        String error = json.path("error").isTextual() ? json.get("error").textValue() : phrase;
        JsonNode reasonNode = json.get("reason");
        Object reason = Json.toPlain(reasonNode);
        String message;
        if (reason instanceof String s && !s.isBlank()) {
            message = s;
        } else if (reason instanceof Map<?, ?> fields && !fields.isEmpty()) {
            StringJoiner joiner = new StringJoiner("; ", error + ": ", "");
            fields.forEach((k, v) -> joiner.add(k + " " + v));
            message = joiner.toString();
        } else {
            message = error;
        }
        return new ApiError(status, message, reason, false);
    }

    /** Removes the wrappers futures put around a failure. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** "30 s", "250 ms". */
    public static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /** Closes a listener registration, ignoring failures. */
    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Removing a listener cannot meaningfully fail.
        }
    }
}
