package ai.perstack.client.jobs;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * How much a model may reason: low, medium or high. Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class ReasoningBudget extends OpenEnum<ReasoningBudget.Known> {
    /** {@code low}. */
    public static final ReasoningBudget LOW = new ReasoningBudget(Known.LOW);
    /** {@code medium}. */
    public static final ReasoningBudget MEDIUM = new ReasoningBudget(Known.MEDIUM);
    /** {@code high}. */
    public static final ReasoningBudget HIGH = new ReasoningBudget(Known.HIGH);

    private static final Map<String, ReasoningBudget> BY_VALUE = index(LOW, MEDIUM, HIGH);

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

    private ReasoningBudget(Known known) {
        super(known.value(), known);
    }

    private ReasoningBudget(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static ReasoningBudget of(String value) {
        ReasoningBudget known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new ReasoningBudget(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static ReasoningBudget of(Known known) {
        return BY_VALUE.get(known.value());
    }
}
