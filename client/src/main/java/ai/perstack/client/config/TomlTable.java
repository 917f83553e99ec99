package ai.perstack.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One table of a {@code perstack.toml} with its name as written ({@code [experts."triage".skills."ask"]}),
 * so every error says the file, the table and the field.
 */
final class TomlTable {
    private final String source;
    private final String name;
    private final ObjectNode node;

    TomlTable(String source, String name, ObjectNode node) {
        this.source = source;
        this.name = name;
        this.node = node;
    }

    String source() {
        return source;
    }

    String name() {
        return name;
    }

    ObjectNode node() {
        return node;
    }

    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** An error about {@code field} of this table. */
    PerstackTomlException error(String field, String rule) {
        String where = name.isEmpty() ? "" : "[" + name + "] ";
        return new PerstackTomlException(source + ": " + where + field + ": " + rule);
    }

    /** Fails on the first key not in {@code allowed}. */
    void onlyKeys(Set<String> allowed) {
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                throw error(quoted(key), "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The sub-table {@code key} of this table named {@code [this.section."key"]}, which must be a table. */
    TomlTable child(String section, String key) {
        JsonNode value = node.get(key);
        String childName = (name.isEmpty() ? section : name) + ".\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (!(value instanceof ObjectNode object)) {
            throw new PerstackTomlException(source + ": [" + childName + "]: must be a table");
        }
        return new TomlTable(source, childName, object);
    }

    /** The table at {@code field}, when present. */
    Optional<TomlTable> table(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            throw error(field, "must be a table");
        }
        return Optional.of(new TomlTable(source, name.isEmpty() ? field : name + "." + field, object));
    }

    Optional<String> string(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw error(field, "must be a string");
        }
        return Optional.of(value.asText());
    }

    String required(String field) {
        return string(field).orElseThrow(() -> error(field, "is required"));
    }

    Optional<String> oneOf(String field, Set<String> values) {
        Optional<String> value = string(field);
        if (value.isPresent() && !values.contains(value.get())) {
            throw error(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(values)));
        }
        return value;
    }

    OptionalLong integer(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw error(field, "must be an integer");
        }
        return OptionalLong.of(value.asLong());
    }

    Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw error(field, "must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    Optional<List<String>> strings(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw error(field, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw error(field + "[" + i + "]", "must be a string");
            }
            out.add(value.get(i).asText());
        }
        return Optional.of(List.copyOf(out));
    }

    /** A key as TOML writes it in a table name: bare when it can be, else quoted. */
    static String quoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
