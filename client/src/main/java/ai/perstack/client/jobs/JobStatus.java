package ai.perstack.client.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * The status of a job. Open: a value this client does not know is kept, not rejected.
 * Compare with {@link #equals} or switch on {@link #known()}.
 */
public final class JobStatus {
    /** {@code queued}. */
    public static final JobStatus QUEUED = new JobStatus("queued");
    /** {@code running}. */
    public static final JobStatus RUNNING = new JobStatus("running");
    /** {@code paused}. */
    public static final JobStatus PAUSED = new JobStatus("paused");
    /** {@code completed}. */
    public static final JobStatus COMPLETED = new JobStatus("completed");
    /** {@code stoppedByInteractiveTool}. */
    public static final JobStatus STOPPED_BY_INTERACTIVE_TOOL = new JobStatus("stoppedByInteractiveTool");
    /** {@code stoppedByMaxSteps}. */
    public static final JobStatus STOPPED_BY_MAX_STEPS = new JobStatus("stoppedByMaxSteps");
    /** {@code stoppedByError}. */
    public static final JobStatus STOPPED_BY_ERROR = new JobStatus("stoppedByError");
    /** {@code canceled}. */
    public static final JobStatus CANCELED = new JobStatus("canceled");

    /** The values this client knows. */
    public enum Known {
        /** {@code queued}. */
        QUEUED("queued"),
        /** {@code running}. */
        RUNNING("running"),
        /** {@code paused}. */
        PAUSED("paused"),
        /** {@code completed}. */
        COMPLETED("completed"),
        /** {@code stoppedByInteractiveTool}. */
        STOPPED_BY_INTERACTIVE_TOOL("stoppedByInteractiveTool"),
        /** {@code stoppedByMaxSteps}. */
        STOPPED_BY_MAX_STEPS("stoppedByMaxSteps"),
        /** {@code stoppedByError}. */
        STOPPED_BY_ERROR("stoppedByError"),
        /** {@code canceled}. */
        CANCELED("canceled");

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

    private JobStatus(String value) {
        this.value = value;
    }

    /**
     * The status for a wire value, known or not.
     *
     * @param value the wire value; unknown values are kept
     * @return the status for a wire value, known or not
     */
    public static JobStatus of(String value) {
        Objects.requireNonNull(value, "value");
        for (Known k : Known.values()) {
            if (k.value.equals(value)) {
                return of(k);
            }
        }
        return new JobStatus(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known a known value
     * @return the instance of a known value
     */
    public static JobStatus of(Known known) {
        return switch (known) {
            case QUEUED -> QUEUED;
            case RUNNING -> RUNNING;
            case PAUSED -> PAUSED;
            case COMPLETED -> COMPLETED;
            case STOPPED_BY_INTERACTIVE_TOOL -> STOPPED_BY_INTERACTIVE_TOOL;
            case STOPPED_BY_MAX_STEPS -> STOPPED_BY_MAX_STEPS;
            case STOPPED_BY_ERROR -> STOPPED_BY_ERROR;
            case CANCELED -> CANCELED;
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

    /** {@return true for statuses after which the job takes no more steps until continued: completed, stopped, canceled} */
    public boolean isFinal() {
        return known().map(k -> k != Known.QUEUED && k != Known.RUNNING && k != Known.PAUSED).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobStatus other && other.value.equals(value);
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
