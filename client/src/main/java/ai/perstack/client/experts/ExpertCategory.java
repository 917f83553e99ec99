package ai.perstack.client.experts;

import java.util.Objects;
import java.util.Optional;

/**
 * The category of an expert scope. Open: a value this client does not know is kept.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class ExpertCategory {
    /** {@code general}. */
    public static final ExpertCategory GENERAL = new ExpertCategory("general");
    /** {@code coding}. */
    public static final ExpertCategory CODING = new ExpertCategory("coding");
    /** {@code research}. */
    public static final ExpertCategory RESEARCH = new ExpertCategory("research");
    /** {@code writing}. */
    public static final ExpertCategory WRITING = new ExpertCategory("writing");
    /** {@code data}. */
    public static final ExpertCategory DATA = new ExpertCategory("data");
    /** {@code automation}. */
    public static final ExpertCategory AUTOMATION = new ExpertCategory("automation");

    /** The values this client knows. */
    public enum Known {
        /** {@code general}. */
        GENERAL("general"),
        /** {@code coding}. */
        CODING("coding"),
        /** {@code research}. */
        RESEARCH("research"),
        /** {@code writing}. */
        WRITING("writing"),
        /** {@code data}. */
        DATA("data"),
        /** {@code automation}. */
        AUTOMATION("automation");

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

    private ExpertCategory(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static ExpertCategory of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new ExpertCategory(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static ExpertCategory of(Known known) {
        return switch (known) {
            case GENERAL -> GENERAL;
            case CODING -> CODING;
            case RESEARCH -> RESEARCH;
            case WRITING -> WRITING;
            case DATA -> DATA;
            case AUTOMATION -> AUTOMATION;
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
        return o instanceof ExpertCategory other && other.value.equals(value);
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
