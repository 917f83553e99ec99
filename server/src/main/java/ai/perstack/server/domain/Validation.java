package ai.perstack.server.domain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Collects failing fields so that one 400 lists all of them, not just the first.
 * Messages state the rule, never echo the value (which may be a secret).
 */
public final class Validation {
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records a failure unless the field already has one. */
    public Validation fail(String field, String rule) {
        errors.putIfAbsent(field, rule);
        return this;
    }

    /**
     * Checks the length of a required string in UTF-16 code units, as the store's column
     * lengths (and JavaScript's {@code length}) count it: an emoji counts two.
     */
    public boolean length(String field, String value, int min, int max) {
        if (value == null) {
            fail(field, "is required");
            return false;
        }
        int length = value.length();
        if (length < min || length > max) {
            fail(field, min == max ? "must be " + min + " characters"
                    : "must be " + min + ".." + max + " characters");
            return false;
        }
        return true;
    }

    /** Checks a required string's length and pattern. */
    public boolean matches(String field, String value, Pattern pattern, int maxLength) {
        if (!length(field, value, 1, maxLength)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            fail(field, "must match " + pattern.pattern());
            return false;
        }
        return true;
    }

    /** Checks the UTF-8 size of a value. */
    public boolean maxBytes(String field, String value, int maxBytes) {
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            fail(field, "must be at most " + maxBytes + " bytes");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the collected failures as one 400, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
