package ai.perstack.client.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * How much a model may reason: low, medium or high. Open: unknown values are kept.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class ReasoningBudget {
    /** {@code low}. */
    public static final ReasoningBudget LOW = new ReasoningBudget("low");
    /** {@code medium}. */
    public static final ReasoningBudget MEDIUM = new ReasoningBudget("medium");
    /** {@code high}. */
    public static final ReasoningBudget HIGH = new ReasoningBudget("high");

    /** The values this client knows. */
    public enum Known {
        /** {@code low}. */
        LOW("low"),
        /** {@code medium}. */
        MEDIUM("medium"),
        /** {@code high}. */
        HIGH("high");

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

    private ReasoningBudget(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static ReasoningBudget of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new ReasoningBudget(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static ReasoningBudget of(Known known) {
        return switch (known) {
            case LOW -> LOW;
            case MEDIUM -> MEDIUM;
            case HIGH -> HIGH;
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
        return o instanceof ReasoningBudget other && other.value.equals(value);
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
