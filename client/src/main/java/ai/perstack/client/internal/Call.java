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
 * @param raw     a raw (non-JSON) request body instead of {@code body}, or null
 * @param sink    where a successful response body is written instead of memory, or null
 * @param <T>     the response type
 */
public record Call<T>(String method, String path, Map<String, String> query, JsonNode body,
                      RequestOptions options, Function<JsonIn, T> decoder, RawBody raw, java.nio.file.Path sink) {

    /**
     * A request body that is bytes, not JSON (an uploaded file).
     *
     * @param contentType the body's media type
     * @param publisher   makes the body for each attempt
     * @param repeatable  whether it can be sent again (a file can, a stream cannot: no retry then)
     */
    public record RawBody(String contentType, java.util.function.Supplier<java.net.http.HttpRequest.BodyPublisher> publisher,
                          boolean repeatable) {
    }

    /** A call with a JSON body or none, answered in memory. */
    public Call(String method, String path, Map<String, String> query, JsonNode body, RequestOptions options,
                Function<JsonIn, T> decoder) {
        this(method, path, query, body, options, decoder, null, null);
    }

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

    /**
     * A decoder of a body that is not JSON (a downloaded file): it is given the bytes as they
     * came. Its JSON side is never called.
     *
     * @param <T> the response type
     */
    public interface RawDecoder<T> extends Function<JsonIn, T> {
        /**
         * Reads the response from the raw body.
         *
         * @param body the bytes as they came
         * @return the response
         */
        T fromBytes(byte[] body);

        @Override
        default T apply(JsonIn in) {
            throw new UnsupportedOperationException("a raw body is not read as JSON");
        }
    }

    /**
     * A GET whose successful body is bytes, not JSON.
     *
     * @param path    the path
     * @param query   the query parameters
     * @param options per-call options
     * @param decoder reads the bytes
     * @param <T>     the response type
     * @return the call
     */
    public static <T> Call<T> getRaw(String path, Map<String, String> query, RequestOptions options, RawDecoder<T> decoder) {
        return new Call<>("GET", path, query, null, options, decoder);
    }

    /**
     * A POST whose body is raw bytes.
     *
     * @param path    the path
     * @param query   the query parameters
     * @param raw     the body
     * @param options per-call options
     * @param decoder reads the JSON answer
     * @param <T>     the response type
     * @return the call
     */
    public static <T> Call<T> postRaw(String path, Map<String, String> query, RawBody raw, RequestOptions options,
                                      Function<JsonIn, T> decoder) {
        return new Call<>("POST", path, query, null, options, decoder, raw, null);
    }

    /**
     * A GET whose successful body is written to {@code sink} as it arrives (never held whole).
     *
     * @param path    the path
     * @param query   the query parameters
     * @param sink    the file to write
     * @param options per-call options
     * @param decoder makes the result once the file is written (given no bytes)
     * @param <T>     the response type
     * @return the call
     */
    public static <T> Call<T> getToFile(String path, Map<String, String> query, java.nio.file.Path sink,
                                        RequestOptions options, RawDecoder<T> decoder) {
        return new Call<>("GET", path, query, null, options, decoder, null, sink);
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
