package ai.perstack.server.jobs;

import java.util.Set;

/** Job and checkpoint status values of the contract. */
public final class JobStatus {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String COMPLETED = "completed";
    public static final String STOPPED_BY_INTERACTIVE_TOOL = "stoppedByInteractiveTool";
    public static final String STOPPED_BY_MAX_STEPS = "stoppedByMaxSteps";
    public static final String STOPPED_BY_ERROR = "stoppedByError";
    public static final String CANCELED = "canceled";

    /** Every job status. */
    public static final Set<String> ALL = Set.of(QUEUED, RUNNING, PAUSED, COMPLETED, STOPPED_BY_INTERACTIVE_TOOL,
            STOPPED_BY_MAX_STEPS, STOPPED_BY_ERROR, CANCELED);
    /** Statuses after which nothing happens until a continue: a stream ends with {@code done}. */
    public static final Set<String> FINISHED = Set.of(COMPLETED, STOPPED_BY_INTERACTIVE_TOOL, STOPPED_BY_MAX_STEPS,
            STOPPED_BY_ERROR, CANCELED);
    /** Statuses a continue is allowed from. */
    public static final Set<String> CONTINUABLE = Set.of(STOPPED_BY_INTERACTIVE_TOOL, STOPPED_BY_MAX_STEPS,
            COMPLETED, PAUSED);
    /** Statuses a cancel is allowed from (besides canceled itself, which is idempotent). */
    public static final Set<String> CANCELABLE = Set.of(QUEUED, RUNNING, PAUSED);

    /** Checkpoint statuses. */
    public static final String CP_INIT = "init";
    public static final String CP_PROCEEDING = "proceeding";
    public static final String CP_COMPLETED = "completed";
    public static final String CP_INTERACTIVE = "stoppedByInteractiveTool";
    public static final String CP_DELEGATE = "stoppedByDelegate";
    public static final String CP_MAX_STEPS = "stoppedByExceededMaxSteps";
    public static final String CP_ERROR = "stoppedByError";

    private JobStatus() {
    }
}
