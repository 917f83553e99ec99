package ai.perstack.client.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects client-side validation problems of one call, so that every bad field is reported at
 * once and nothing invalid reaches the network.
 */
public final class Check {
    /** An environment name: a letter or underscore, then letters, digits and underscores. */
    public static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    /** A scope or expert name segment. */
    public static final String SLUG = "[a-z0-9][a-z0-9_-]*";
    /** {@code @org/name}. */
    public static final Pattern SCOPE = Pattern.compile("^@" + SLUG + "/" + SLUG + "$");
    /** {@code @org/name} with an optional {@code @version-or-tag}. */
    public static final Pattern KEY = Pattern.compile("^@" + SLUG + "/" + SLUG + "(@[0-9A-Za-z.+_-]+)?$");
    /** Semantic version 2.0.0. */
    public static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    private final Map<String, String> problems = new LinkedHashMap<>();

    /** A new, empty check. */
    public static Check start() {
        return new Check();
    }

    /** An identifier used as a path segment: non-blank, at most 255 characters, not a dot segment. */
    public Check id(String field, String value) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is required");
        } else if (value.length() > 255) {
            problems.put(field, "must be at most 255 characters");
        } else if (value.equals(".") || value.equals("..")) {
            problems.put(field, "must not be '.' or '..'");
        }
        return this;
    }

    /** A required non-null value. */
    public Check required(String field, Object value) {
        if (value == null) {
            problems.put(field, "is required");
        }
        return this;
    }

    /** A string whose length is within bounds (skipped when null). */
    public Check length(String field, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            problems.put(field, "must be " + min + ".." + max + " characters");
        }
        return this;
    }

    /** A string matching {@code pattern} (skipped when null). */
    public Check matches(String field, String value, Pattern pattern, String rule) {
        if (value != null && !pattern.matcher(value).matches()) {
            problems.put(field, rule);
        }
        return this;
    }

    /** An environment variable or secret name. */
    public Check envName(String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.put(field, "is required");
            return this;
        }
        length(field, value, 1, 255);
        return matches(field, value, ENV_NAME, "must match ^[A-Za-z_][A-Za-z0-9_]*$");
    }

    /** An expert scope name {@code @org/name}. */
    public Check scope(String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.put(field, "is required");
            return this;
        }
        return matches(field, value, SCOPE, "must be a scope name @org/name (lowercase letters, digits, '-' and '_')");
    }

    /** An expert key {@code @org/name[@version-or-tag]}. */
    public Check key(String field, String value) {
        if (value == null || value.isEmpty()) {
            problems.put(field, "is required");
            return this;
        }
        return matches(field, value, KEY, "must be an expert key @org/name, @org/name@version or @org/name@tag");
    }

    /** An integer within bounds (skipped when null). */
    public Check range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.put(field, max == Integer.MAX_VALUE ? "must be >= " + min : "must be " + min + ".." + max);
        }
        return this;
    }

    /** A value among {@code allowed} (skipped when null). */
    public Check oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            problems.put(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return this;
    }

    /** Every string of a list is non-blank (skipped when null). */
    public Check nonBlankItems(String field, List<String> values) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null || values.get(i).isBlank()) {
                    problems.put(field + "[" + i + "]", "must not be blank");
                }
            }
        }
        return this;
    }

    /** Records a problem found elsewhere. */
    public Check problem(String field, String rule) {
        problems.put(field, rule);
        return this;
    }

    /** True when nothing failed. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** The failures, field to rule, in the order found. */
    public Map<String, String> problems() {
        return problems;
    }
}
