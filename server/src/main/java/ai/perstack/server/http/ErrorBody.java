package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The error body of every failure: {@code {"code", "error", "reason"}}. */
final class ErrorBody {
    private ErrorBody() {
    }

    static Map<String, Object> of(int status, Object reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", status);
        body.put("error", phrase(status));
        body.put("reason", reason);
        return body;
    }

    static Map<String, Object> of(ApiException e) {
        return of(e.kind().status(), e.fieldErrors() != null ? e.fieldErrors() : e.getMessage());
    }

    static String phrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
