package ai.perstack.client.jobs;

import ai.perstack.client.OpenEnum;

import java.util.Map;
import java.util.Objects;

/**
 * The status of a job. Open: a value this client does not know is kept, not rejected
 * (see {@link OpenEnum}).
 */
public final class JobStatus extends OpenEnum<JobStatus.Known> {
    /** {@code queued}. */
    public static final JobStatus QUEUED = new JobStatus(Known.QUEUED);
    /** {@code running}. */
    public static final JobStatus RUNNING = new JobStatus(Known.RUNNING);
    /** {@code paused}. */
    public static final JobStatus PAUSED = new JobStatus(Known.PAUSED);
    /** {@code completed}. */
    public static final JobStatus COMPLETED = new JobStatus(Known.COMPLETED);
    /** {@code stoppedByInteractiveTool}. */
    public static final JobStatus STOPPED_BY_INTERACTIVE_TOOL = new JobStatus(Known.STOPPED_BY_INTERACTIVE_TOOL);
    /** {@code stoppedByMaxSteps}. */
    public static final JobStatus STOPPED_BY_MAX_STEPS = new JobStatus(Known.STOPPED_BY_MAX_STEPS);
    /** {@code stoppedByError}. */
    public static final JobStatus STOPPED_BY_ERROR = new JobStatus(Known.STOPPED_BY_ERROR);
    /** {@code canceled}. */
    public static final JobStatus CANCELED = new JobStatus(Known.CANCELED);

    private static final Map<String, JobStatus> BY_VALUE = index(QUEUED, RUNNING, PAUSED, COMPLETED, STOPPED_BY_INTERACTIVE_TOOL, STOPPED_BY_MAX_STEPS, STOPPED_BY_ERROR, CANCELED);

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

    private JobStatus(Known known) {
        super(known.value(), known);
    }

    private JobStatus(String value) {
        super(value, null);
    }

    /**
     * The instance for a wire value, known or not.
     *
     * @param value the wire value
     * @return the known constant, or a new instance keeping {@code value}
     */
    public static JobStatus of(String value) {
        JobStatus known = BY_VALUE.get(Objects.requireNonNull(value, "value"));
        return known != null ? known : new JobStatus(value);
    }

    /**
     * The instance of a known value.
     *
     * @param known the known value
     * @return its constant
     */
    public static JobStatus of(Known known) {
        return BY_VALUE.get(known.value());
    }

    /** {@return true for statuses after which the job takes no more steps until continued: completed, stopped, canceled} */
    public boolean isFinal() {
        return known().map(k -> k != Known.QUEUED && k != Known.RUNNING && k != Known.PAUSED).orElse(false);
    }
}
