package ai.perstack.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw HTTP client for the tests, over {@code java.net.http}. Every response it receives is
 * recorded (for the secret scan) and checked against {@code api/openapi.yaml}.
 */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String key;
    private final String organization;

    public Api(String baseUrl, String key, String organization) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.organization = organization;
    }

    /** The organization's name (the {@code @org} of its scopes). */
    public String org() {
        return organization;
    }

    public String key() {
        return key;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Res get(String path) {
        return send("GET", path, null);
    }

    public Res delete(String path) {
        return send("DELETE", path, null);
    }

    /** POSTs {@code body} as JSON (a String is sent as given; null sends no body). */
    public Res post(String path, Object body) {
        return send("POST", path, body == null ? null : body instanceof String s ? s : toJson(body));
    }

    public Res send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        List<String> all = new ArrayList<>(List.of(headers));
        if (key != null && !all.contains("Authorization")) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null && !all.contains("Content-Type")) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                b.header(headers[i], headers[i + 1]);
            }
        }
        return exchange(b.build(), method, path);
    }

    /** Sends a prepared request to this server and records the response. */
    public static Res exchange(HttpRequest request, String method, String path) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Res res = new Res(method, path, r.statusCode(), r.headers(), r.body());
            Captured.response(res);
            Contract.check(res);
            return res;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
