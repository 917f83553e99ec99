package ai.perstack.client.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A cursor over one JSON object of a response, with its path for error messages.
 * Every read either returns a valid value or throws {@link InvalidResponseException} naming
 * the field and what was wrong, so a malformed response never becomes a half-filled model.
 */
public final class JsonIn {
    private final JsonNode node;
    private final String path;

    private JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Starts reading the root value, which must be an object. */
    public static JsonIn root(JsonNode node) {
        return of(node, "body");
    }

    /** Reads {@code node} at {@code path}, which must be an object. */
    public static JsonIn of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidResponseException(path, "must be an object");
        }
        return new JsonIn(node, path);
    }

    /** The underlying JSON object, with every field the server sent. */
    public JsonNode node() {
        return node;
    }

    /** The path of this object, for messages. */
    public String path() {
        return path;
    }

    private String at(String field) {
        return path + "." + field;
    }

    private JsonNode present(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidResponseException(at(field), "is required");
        }
        return value;
    }

    private boolean absent(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull();
    }

    /** A required string. */
    public String string(String field) {
        JsonNode value = present(field);
        if (!value.isTextual()) {
            throw new InvalidResponseException(at(field), "must be a string");
        }
        return value.textValue();
    }

    /** An optional string. */
    public Optional<String> optString(String field) {
        return absent(field) ? Optional.empty() : Optional.of(string(field));
    }

    /** A string that defaults when absent. */
    public String string(String field, String fallback) {
        return absent(field) ? fallback : string(field);
    }

    /** A required integer (fits a long). */
    public long integer(String field) {
        JsonNode value = present(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidResponseException(at(field), "must be an integer");
        }
        return value.longValue();
    }

    /** An integer that defaults when absent. */
    public long integer(String field, long fallback) {
        return absent(field) ? fallback : integer(field);
    }

    /** An optional number. */
    public OptionalDouble optNumber(String field) {
        if (absent(field)) {
            return OptionalDouble.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw new InvalidResponseException(at(field), "must be a number");
        }
        return OptionalDouble.of(value.doubleValue());
    }

    /** A required boolean. */
    public boolean bool(String field) {
        JsonNode value = present(field);
        if (!value.isBoolean()) {
            throw new InvalidResponseException(at(field), "must be a boolean");
        }
        return value.booleanValue();
    }

    /** A boolean that defaults when absent. */
    public boolean bool(String field, boolean fallback) {
        return absent(field) ? fallback : bool(field);
    }

    /** A required ISO-8601 instant. */
    public Instant instant(String field) {
        String text = string(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidResponseException(at(field), "must be an ISO-8601 timestamp");
        }
    }

    /** An optional ISO-8601 instant. */
    public Optional<Instant> optInstant(String field) {
        return absent(field) ? Optional.empty() : Optional.of(instant(field));
    }

    /** A required nested object. */
    public JsonIn object(String field) {
        return of(present(field), at(field));
    }

    /** A required nested object mapped by {@code reader}. */
    public <T> T object(String field, Function<JsonIn, T> reader) {
        return reader.apply(object(field));
    }

    /** An optional nested object mapped by {@code reader}. */
    public <T> Optional<T> optObject(String field, Function<JsonIn, T> reader) {
        return absent(field) ? Optional.empty() : Optional.of(object(field, reader));
    }

    /** A required array of objects, each mapped by {@code reader}. */
    public <T> List<T> list(String field, Function<JsonIn, T> reader) {
        JsonNode value = present(field);
        if (!value.isArray()) {
            throw new InvalidResponseException(at(field), "must be an array");
        }
        List<T> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(reader.apply(of(value.get(i), at(field) + "[" + i + "]")));
        }
        return Collections.unmodifiableList(out);
    }

    /** An array of objects that is empty when absent. */
    public <T> List<T> listOrEmpty(String field, Function<JsonIn, T> reader) {
        return absent(field) ? List.of() : list(field, reader);
    }

    /** An array of strings that is empty when absent. */
    public List<String> strings(String field) {
        if (absent(field)) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw new InvalidResponseException(at(field), "must be an array");
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw new InvalidResponseException(at(field) + "[" + i + "]", "must be a string");
            }
            out.add(item.textValue());
        }
        return Collections.unmodifiableList(out);
    }

    /** An object whose values are objects mapped by {@code reader}; empty when absent. */
    public <T> Map<String, T> map(String field, Function<JsonIn, T> reader) {
        if (absent(field)) {
            return Map.of();
        }
        JsonIn obj = object(field);
        Map<String, T> out = new LinkedHashMap<>();
        obj.node.properties().forEach(e ->
                out.put(e.getKey(), reader.apply(of(e.getValue(), obj.at(e.getKey())))));
        return Collections.unmodifiableMap(out);
    }

    /** An object whose values are strings; empty when absent. */
    public Map<String, String> stringMap(String field) {
        if (absent(field)) {
            return Map.of();
        }
        JsonIn obj = object(field);
        Map<String, String> out = new LinkedHashMap<>();
        obj.node.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new InvalidResponseException(obj.at(e.getKey()), "must be a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return Collections.unmodifiableMap(out);
    }

    /** Any JSON value, or the JSON null node when absent. */
    public JsonNode any(String field) {
        JsonNode value = node.get(field);
        return value == null ? com.fasterxml.jackson.databind.node.NullNode.instance : value;
    }

    /** An optional integer (fits a long). */
    public java.util.OptionalLong optInteger(String field) {
        return absent(field) ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(integer(field));
    }

    /** An optional boolean. */
    public Optional<Boolean> optBool(String field) {
        return absent(field) ? Optional.empty() : Optional.of(bool(field));
    }

    /** An optional array of objects, each mapped by {@code reader}. */
    public <T> Optional<List<T>> optList(String field, Function<JsonIn, T> reader) {
        return absent(field) ? Optional.empty() : Optional.of(list(field, reader));
    }

    /** An optional array of strings. */
    public Optional<List<String>> optStrings(String field) {
        return absent(field) ? Optional.empty() : Optional.of(strings(field));
    }

    /** An optional array of integers. */
    public Optional<List<Long>> optIntegers(String field) {
        if (absent(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw new InvalidResponseException(at(field), "must be an array");
        }
        List<Long> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber() || !item.canConvertToLong()) {
                throw new InvalidResponseException(at(field) + "[" + i + "]", "must be an integer");
            }
            out.add(item.longValue());
        }
        return Optional.of(Collections.unmodifiableList(out));
    }
}
