package ai.perstack.cli;

import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a command shows its result: a readable table or field list ({@code -o table}, the default),
 * the exact API response ({@code -o json}), or only identifiers, one a line ({@code -o id}), for
 * {@code $(...)} in scripts. Errors are one line on standard error.
 */
final class Output {
    /** The {@code -o} values. */
    enum Format { table, json, id }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final Io io;
    private final Format format;

    Output(Io io, Format format) {
        this.io = io;
        this.format = format == null ? Format.table : format;
    }

    Format format() {
        return format;
    }

    boolean json() {
        return format == Format.json;
    }

    Io io() {
        return io;
    }

    PrintStream out() {
        return io.out();
    }

    /** The width a table may take: the terminal's, or unlimited when piped. */
    int width() {
        return io.terminal() ? io.width() : Integer.MAX_VALUE;
    }

    /**
     * Shows a call's result and returns the exit code.
     *
     * @param json  the response's JSON as received
     * @param table prints the readable form
     * @param ids   the identifiers {@code -o id} prints
     */
    <T> int show(ApiResult<T> result, Function<T, JsonNode> json, Consumer<T> table, Function<T, List<String>> ids) {
        if (!result.ok()) {
            return error(result.error());
        }
        T data = result.data();
        switch (format) {
            case json -> printJson(json.apply(data));
            case id -> ids.apply(data).forEach(io.out()::println);
            default -> table.accept(data);
        }
        return ExitCodes.OK;
    }

    /** Pretty JSON on standard output. */
    void printJson(JsonNode node) {
        try {
            io.out().println(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One JSON document on one line (for streams: one line per checkpoint). */
    void printJsonLine(JsonNode node) {
        try {
            io.out().println(COMPACT.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void table(Table table, String emptyText) {
        if (table.isEmpty()) {
            io.out().println(emptyText);
        } else {
            table.print(io.out(), width());
        }
    }

    /** A note for people, on standard error so that standard output stays parseable. */
    void note(String text) {
        io.err().println(text);
    }

    /**
     * Reports a failed call: one line on standard error and, with {@code -o json}, the error body
     * on standard output. Returns the exit code.
     */
    int error(ApiError error) {
        io.err().println(errorLine(error));
        if (format == Format.json) {
            printJson(errorBody(error));
        }
        return ExitCodes.of(error);
    }

    /** {@code error 404: application 'x' not found}, or {@code error: connection to ... refused}. */
    static String errorLine(ApiError error) {
        return (error.code() > 0 ? "error " + error.code() + ": " : "error: ") + Text.oneLine(error.message());
    }

    /** The server's error body {@code {code, error, reason}}; for a failure without a response, the client's view of it. */
    static JsonNode errorBody(ApiError error) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", error.code());
        body.put("error", error.code() > 0 ? phrase(error.code()) : error.message());
        if (error.reason() != null) {
            body.set("reason", JSON.valueToTree(error.reason()));
        } else if (error.code() > 0) {
            body.put("reason", error.message());
        }
        if (error.code() == 0) {
            body.put("aborted", error.aborted());
        }
        return body;
    }

    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private static String phrase(int status) {
        return PHRASES.getOrDefault(status, "HTTP " + status);
    }
}
