package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.PageRequest;
import ai.perstack.server.domain.Validation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Query parameters of a list call: only the documented ones are accepted. */
final class QueryParams {
    private final Map<String, List<String>> params;
    private final Validation validation = new Validation();

    QueryParams(Map<String, List<String>> params, Set<String> allowed) {
        this.params = params;
        for (String name : new TreeSet<>(params.keySet())) {
            if (!allowed.contains(name)) {
                validation.fail(name, "unknown query parameter");
            } else if (params.get(name).size() > 1) {
                validation.fail(name, "must be given once");
            }
        }
    }

    String string(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A non-empty string, or null when absent or empty. */
    String filter(String name) {
        String value = string(name);
        if (value != null && value.length() > 255) {
            validation.fail(name, "must be at most 255 characters");
            return null;
        }
        return value == null || value.isEmpty() ? null : value;
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = string(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        validation.fail(name, max == Integer.MAX_VALUE ? "must be an integer >= " + min
                : "must be an integer in " + min + ".." + max);
        return defaultValue;
    }

    boolean bool(String name, boolean defaultValue) {
        String value = string(name);
        if (value == null) {
            return defaultValue;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        validation.fail(name, "must be true or false");
        return defaultValue;
    }

    String oneOf(String name, String defaultValue, Set<String> allowed) {
        String value = string(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            validation.fail(name, "must be one of " + String.join(", ", new TreeSet<>(allowed)));
            return defaultValue;
        }
        return value;
    }

    /** {@code take} (1..100, 20), {@code skip} (>= 0), {@code sort} and {@code order}. */
    PageRequest page(Set<String> sortFields, String defaultSort, boolean descendingByDefault) {
        int take = integer("take", 20, 1, 100);
        int skip = integer("skip", 0, 0, Integer.MAX_VALUE);
        String sort = oneOf("sort", defaultSort, sortFields);
        String order = oneOf("order", descendingByDefault ? "desc" : "asc", Set.of("asc", "desc"));
        return new PageRequest(take, skip, sort, order.equals("desc"));
    }

    /** Throws the failures found so far as one 400. */
    QueryParams validate() {
        validation.throwIfInvalid();
        return this;
    }

    static ApiException invalid(String name, String rule) {
        return ApiException.invalid(name, rule);
    }
}
