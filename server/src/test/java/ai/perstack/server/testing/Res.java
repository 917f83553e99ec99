package ai.perstack.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;

/** A response as the tests see it: status, headers, raw text and parsed JSON. */
public record Res(String method, String path, int status, HttpHeaders headers, String text) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** {@code data} of the envelope. */
    public JsonNode data() {
        return json().get("data");
    }

    /** {@code data.<name>}. */
    public JsonNode data(String name) {
        return data().get(name);
    }

    /** {@code reason} of an error body. */
    public JsonNode reason() {
        return json().get("reason");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return method + " " + path + " → " + status + " " + text;
    }
}
