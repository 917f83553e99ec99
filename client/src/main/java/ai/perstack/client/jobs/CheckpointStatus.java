package ai.perstack.client.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * The status of a checkpoint. Open: a value this client does not know is kept, not rejected.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class CheckpointStatus {
    /** {@code init}. */
    public static final CheckpointStatus INIT = new CheckpointStatus("init");
    /** {@code proceeding}. */
    public static final CheckpointStatus PROCEEDING = new CheckpointStatus("proceeding");
    /** {@code completed}. */
    public static final CheckpointStatus COMPLETED = new CheckpointStatus("completed");
    /** {@code stoppedByInteractiveTool}. */
    public static final CheckpointStatus STOPPED_BY_INTERACTIVE_TOOL = new CheckpointStatus("stoppedByInteractiveTool");
    /** {@code stoppedByDelegate}. */
    public static final CheckpointStatus STOPPED_BY_DELEGATE = new CheckpointStatus("stoppedByDelegate");
    /** {@code stoppedByExceededMaxSteps}. */
    public static final CheckpointStatus STOPPED_BY_EXCEEDED_MAX_STEPS = new CheckpointStatus("stoppedByExceededMaxSteps");
    /** {@code stoppedByError}. */
    public static final CheckpointStatus STOPPED_BY_ERROR = new CheckpointStatus("stoppedByError");

    /** The values this client knows. */
    public enum Known {
        /** {@code init}. */
        INIT("init"),
        /** {@code proceeding}. */
        PROCEEDING("proceeding"),
        /** {@code completed}. */
        COMPLETED("completed"),
        /** {@code stoppedByInteractiveTool}. */
        STOPPED_BY_INTERACTIVE_TOOL("stoppedByInteractiveTool"),
        /** {@code stoppedByDelegate}. */
        STOPPED_BY_DELEGATE("stoppedByDelegate"),
        /** {@code stoppedByExceededMaxSteps}. */
        STOPPED_BY_EXCEEDED_MAX_STEPS("stoppedByExceededMaxSteps"),
        /** {@code stoppedByError}. */
        STOPPED_BY_ERROR("stoppedByError");

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

    private CheckpointStatus(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static CheckpointStatus of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new CheckpointStatus(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static CheckpointStatus of(Known known) {
        return switch (known) {
            case INIT -> INIT;
            case PROCEEDING -> PROCEEDING;
            case COMPLETED -> COMPLETED;
            case STOPPED_BY_INTERACTIVE_TOOL -> STOPPED_BY_INTERACTIVE_TOOL;
            case STOPPED_BY_DELEGATE -> STOPPED_BY_DELEGATE;
            case STOPPED_BY_EXCEEDED_MAX_STEPS -> STOPPED_BY_EXCEEDED_MAX_STEPS;
            case STOPPED_BY_ERROR -> STOPPED_BY_ERROR;
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
        return o instanceof CheckpointStatus other && other.value.equals(value);
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
