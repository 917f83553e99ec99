package ai.perstack.cli;

import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobSession;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListCheckpointsParams;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Streams a job's checkpoints and shows each as a line as it arrives; with {@code -o json}, each
 * checkpoint's JSON on one line. On a terminal a status line under them counts steps, tokens
 * and time while the job runs; piped, only the lines are written.
 */
final class JobFollower {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final Output out;
    private final String indent;
    private final boolean live;
    private final long started = System.nanoTime();
    private long steps;
    private long tokens;
    private int frame;
    private boolean statusShown;
    private boolean stopped;
    private String rootRunId;

    /**
     * The outcome of one stream.
     *
     * @param error          why the stream failed, or null
     * @param status         the job's status from the {@code done} event, or null
     * @param lastSequence   the last checkpoint seen (continue streaming after it)
     * @param pendingQuestion the last interactive tool call seen, if the job waits for an answer
     */
    record Outcome(ApiError error, JobStatus status, long lastSequence, Optional<Activity.InteractiveTool> pendingQuestion) {
    }

    JobFollower(Output out, String indent) {
        this.out = out;
        this.indent = indent;
        this.live = out.io().terminal() && !out.json();
    }

    /** Counts from this many steps and tokens (a job being continued has some already). */
    JobFollower startingFrom(long steps, long tokens) {
        this.steps = steps;
        this.tokens = tokens;
        return this;
    }

    /** The sequence of the job's newest checkpoint, 0 when it has none; stream after it to see only what is new. */
    static long lastSequence(PerstackClient client, String jobId) {
        ApiResult<ai.perstack.client.jobs.ListCheckpointsResponse> r = client.jobs().checkpoints()
                .list(jobId, new ListCheckpointsParams(1, null, "sequence", "desc"));
        if (!r.ok()) {
            return 0;
        }
        return r.data().data().checkpoints().stream().mapToLong(Checkpoint::sequence).findFirst().orElse(0);
    }

    /**
     * Streams every checkpoint after {@code afterSequence} until the job stops, printing each. May be
     * called again (after a continue): the counters and the clock go on. A job session does the
     * following; questions are left for {@code jobs continue} to answer.
     */
    Outcome follow(PerstackClient client, String jobId, long afterSequence) {
        synchronized (this) {
            stopped = false;
        }
        ScheduledExecutorService ticker = null;
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "perstack-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 0, 120, TimeUnit.MILLISECONDS);
        }
        JobSession session = client.jobs().session().onCheckpoint(this::print).build();
        ApiResult<Job> result;
        try {
            result = session.attach(jobId, afterSequence);
        } finally {
            stop(ticker);
        }
        if (!result.ok()) {
            return new Outcome(result.error(), null, session.lastSequence(), Optional.empty());
        }
        return new Outcome(null, result.data().status(), session.lastSequence(), session.pendingQuestion());
    }

    private void stop(ScheduledExecutorService ticker) {
        synchronized (this) {
            stopped = true;
            clearStatus();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private synchronized void print(Checkpoint c) {
        steps++;
        tokens += c.usage().totalTokens();
        if (out.json()) {
            out.printJsonLine(c.json());
            return;
        }
        if (rootRunId == null) {
            rootRunId = c.runId();
        }
        clearStatus();
        PrintStream o = out.out();
        o.println(indent + CheckpointText.line(c, rootRunId, out.width() - indent.length()));
        o.flush();
        redraw();
    }

    /** Rewrites the status line in place: spinner, steps, tokens, elapsed time. */
    private synchronized void redraw() {
        if (!live || stopped) {
            return;
        }
        Io io = out.io();
        String spin = io.unicode() ? SPINNER[frame++ % SPINNER.length] : "-\\|/".charAt(frame++ % 4) + "";
        String dot = io.symbol("·", "-");
        String text = indent + spin + " step " + steps + " " + dot + " " + Text.number(tokens) + " tokens " + dot + " "
                + Text.duration(Duration.ofNanos(System.nanoTime() - started));
        out.out().print("\r\033[2K" + text);
        out.out().flush();
        statusShown = true;
    }

    private synchronized void clearStatus() {
        if (statusShown) {
            out.out().print("\r\033[2K");
            out.out().flush();
            statusShown = false;
        }
    }
}
