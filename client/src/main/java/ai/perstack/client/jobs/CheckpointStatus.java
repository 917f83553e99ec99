package ai.perstack.client.jobs;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * The status of a checkpoint. Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class CheckpointStatus extends OpenEnum<CheckpointStatus.Known> {
    /** {@code init}. */
    public static final CheckpointStatus INIT = new CheckpointStatus(Known.INIT);
    /** {@code proceeding}. */
    public static final CheckpointStatus PROCEEDING = new CheckpointStatus(Known.PROCEEDING);
    /** {@code completed}. */
    public static final CheckpointStatus COMPLETED = new CheckpointStatus(Known.COMPLETED);
    /** {@code stoppedByInteractiveTool}. */
    public static final CheckpointStatus STOPPED_BY_INTERACTIVE_TOOL = new CheckpointStatus(Known.STOPPED_BY_INTERACTIVE_TOOL);
    /** {@code stoppedByDelegate}. */
    public static final CheckpointStatus STOPPED_BY_DELEGATE = new CheckpointStatus(Known.STOPPED_BY_DELEGATE);
    /** {@code stoppedByExceededMaxSteps}. */
    public static final CheckpointStatus STOPPED_BY_EXCEEDED_MAX_STEPS = new CheckpointStatus(Known.STOPPED_BY_EXCEEDED_MAX_STEPS);
    /** {@code stoppedByError}. */
    public static final CheckpointStatus STOPPED_BY_ERROR = new CheckpointStatus(Known.STOPPED_BY_ERROR);

    private static final Map<String, CheckpointStatus> BY_VALUE = index(INIT, PROCEEDING, COMPLETED, STOPPED_BY_INTERACTIVE_TOOL, STOPPED_BY_DELEGATE, STOPPED_BY_EXCEEDED_MAX_STEPS, STOPPED_BY_ERROR);

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

    private CheckpointStatus(Known known) {
        super(known.value(), known);
    }

    private CheckpointStatus(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static CheckpointStatus of(String value) {
        CheckpointStatus known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new CheckpointStatus(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static CheckpointStatus of(Known known) {
        return BY_VALUE.get(known.value());
    }
}
