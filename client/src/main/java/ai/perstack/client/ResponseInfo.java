package ai.perstack.client;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a call's HTTP response said besides its body: the status, the headers and the
 * {@code Request-Id}. A failed call carries it in its {@link ApiError}; a successful one hands it
 * to {@link RequestOptions.Builder#onResponse(java.util.function.Consumer)}.
 *
 * @param status    the HTTP status
 * @param headers   the response headers, names in lower case
 * @param requestId the {@code Request-Id} header, if the response had one
 */
public record ResponseInfo(int status, Map<String, List<String>> headers, Optional<String> requestId) {

    /**
     * Copies the parts.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param requestId the {@code Request-Id} header, if any
     */
    public ResponseInfo {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        requestId = requestId == null ? Optional.empty() : requestId;
    }

    /**
     * The information of a response with {@code status} and {@code headers}.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @return the status, the headers with lower-case names, and the {@code Request-Id}
     */
    public static ResponseInfo of(int status, HttpHeaders headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.map().forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> {
                    List<String> joined = new java.util.ArrayList<>(a);
                    joined.addAll(b);
                    return List.copyOf(joined);
                }));
        return new ResponseInfo(status, lower, headers.firstValue("Request-Id"));
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return its first value, if the response had the header
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
