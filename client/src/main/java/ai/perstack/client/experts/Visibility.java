package ai.perstack.client.experts;

import java.util.Objects;
import java.util.Optional;

/**
 * Who can read an expert scope: its organization only ({@code private}) or everyone ({@code public}). Open.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class Visibility {
    /** {@code public}. */
    public static final Visibility PUBLIC = new Visibility("public");
    /** {@code private}. */
    public static final Visibility PRIVATE = new Visibility("private");

    /** The values this client knows. */
    public enum Known {
        /** {@code public}. */
        PUBLIC("public"),
        /** {@code private}. */
        PRIVATE("private");

        private final String value;

        Known(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    private final String value;

    private Visibility(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static Visibility of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new Visibility(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static Visibility of(Known known) {
        return switch (known) {
            case PUBLIC -> PUBLIC;
            case PRIVATE -> PRIVATE;
        };
    }

    /** {@return the wire value, exactly as sent or received} */
    public String value() {
        return value;
    }

    /** {@return the known constant, or empty for a value this client does not know} */
    public Optional<Known> known() {
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** {@return true when this client knows the value} */
    public boolean isKnown() {
        return known().isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Visibility other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
