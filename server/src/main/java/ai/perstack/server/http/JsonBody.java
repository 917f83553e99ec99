package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Set;

/**
 * A request body: a JSON object whose fields are checked for presence of unknown names and
 * for JSON types. Call {@link #validate()} after reading every field.
 */
final class JsonBody {
    private final JsonNode root;
    private final Validation validation = new Validation();

    private JsonBody(JsonNode root, Set<String> allowed) {
        this.root = root;
        root.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                validation.fail(f, "unknown field");
            }
        });
    }

    /** Parses the body (empty means {@code {}}), enforcing the JSON content type. */
    static JsonBody parse(byte[] body, String contentType, JsonCodec json, Set<String> allowed) {
        if (body.length == 0) {
            return new JsonBody(json.mapper().createObjectNode(), allowed);
        }
        if (!isJson(contentType)) {
            throw ApiException.of(ApiException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "request bodies must be application/json; charset=utf-8");
        }
        JsonNode root = json.parse(body);
        if (!root.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        return new JsonBody(root, allowed);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim().replace("\"", "");
            if (param.startsWith("charset=") && !param.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    /** A string field, or null when absent; a non-string is recorded as a failure. */
    String string(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            validation.fail(field, "must be a string");
            return null;
        }
        return node.asText();
    }

    /** A string field that must be present. */
    String requiredString(String field) {
        if (!root.hasNonNull(field)) {
            validation.fail(field, "is required");
            return null;
        }
        return string(field);
    }

    /** A field as raw JSON (null when absent), for nested documents the domain validates. */
    JsonNode node(String field) {
        return root.get(field);
    }

    /** Throws the failures found so far as one 400. */
    JsonBody validate() {
        validation.throwIfInvalid();
        return this;
    }
}
