package ai.perstack.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers by itself, before a request reaches the API: malformed request lines,
 * illegal characters, oversized headers (431) or URIs (414), ambiguous path encodings. Jetty's
 * default writes an HTML page; this writes the API's JSON error body instead. The reason is a
 * fixed text per status, so nothing of the (hostile) request is echoed.
 */
final class JsonErrorHandler extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
    private final JsonCodec json;

    JsonErrorHandler(JsonCodec json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(status)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        return json.write(ErrorBody.of(status, reason(status))).getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "malformed HTTP request";
            case 408 -> "the request was not received in time";
            case 413 -> "request bodies are limited to 1 MiB";
            case 414 -> "the request URI is too long";
            case 431 -> "request headers are too large";
            default -> ErrorBody.phrase(status);
        };
    }
}
