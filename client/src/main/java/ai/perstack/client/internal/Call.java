package ai.perstack.client.internal;

import ai.perstack.client.RequestOptions;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One API call as the transport sees it: method, encoded path, query, optional JSON body,
 * options and the decoder of a successful body.
 *
 * @param method  GET, POST or DELETE
 * @param path    the path below the base URL, segments already percent-encoded
 * @param query   query parameters in order (values unencoded); nulls are skipped
 * @param body    the JSON body or null
 * @param options the caller's options
 * @param decoder reads the successful body
 * @param <T>     the response type
 */
public record Call<T>(String method, String path, Map<String, String> query, JsonNode body,
                      RequestOptions options, Function<JsonIn, T> decoder) {

    /** Validates the parts. */
    public Call {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? Map.of() : query;
        options = options == null ? RequestOptions.none() : options;
        Objects.requireNonNull(decoder, "decoder");
    }

    /** A GET. */
    public static <T> Call<T> get(String path, Map<String, String> query, RequestOptions options, Function<JsonIn, T> decoder) {
        return new Call<>("GET", path, query, null, options, decoder);
    }

    /** A POST with a JSON body (an empty object when {@code body} is null). */
    public static <T> Call<T> post(String path, JsonNode body, RequestOptions options, Function<JsonIn, T> decoder) {
        return new Call<>("POST", path, Map.of(), body == null ? Json.object() : body, options, decoder);
    }

    /** A DELETE. */
    public static <T> Call<T> delete(String path, RequestOptions options, Function<JsonIn, T> decoder) {
        return new Call<>("DELETE", path, Map.of(), null, options, decoder);
    }

    /** An ordered query map builder that skips null values. */
    public static Query params() {
        return new Query();
    }

    /** Ordered query parameters. */
    public static final class Query {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Query() {
        }

        /** Adds {@code name=value} unless value is null. */
        public Query add(String name, Object value) {
            if (value != null) {
                values.put(name, String.valueOf(value));
            }
            return this;
        }

        /** The parameters. */
        public Map<String, String> build() {
            return values;
        }
    }
}
