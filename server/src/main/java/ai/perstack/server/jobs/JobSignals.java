package ai.perstack.server.jobs;

/**
 * In-process signals between the API, the workers and the streams: work was queued, a job was
 * canceled, something about a job was committed. Every signal is sent after the commit it is
 * about; a missed signal costs latency (the next poll), never correctness.
 */
public final class JobSignals {
    private final Object work = new Object();
    private long workGeneration;
    private final StepInterrupts interrupts = new StepInterrupts();
    private final CheckpointNotifier notifier = new CheckpointNotifier();
    private volatile Broadcast broadcast;

    /** Carries signals to the other server processes on the same database. */
    public interface Broadcast {
        /** Work was queued here. */
        void queued();

        /** Something about {@code jobId} was committed here. */
        void changed(String jobId);
    }

    /** Sends every {@link #queued} and {@link #changed} to other processes as well (PostgreSQL). */
    public void broadcastTo(Broadcast broadcast) {
        this.broadcast = broadcast;
    }

    /**
     * Wakes one idle worker: a job became runnable. One is enough: waking them all made each
     * run a claim transaction that all but one lost. A busy worker looks for work again as soon
     * as it finishes, so a job queued while nobody waits is still picked up.
     */
    public void queued() {
        queuedHere();
        Broadcast b = broadcast;
        if (b != null) {
            b.queued();
        }
    }

    /** Wakes this process's idle workers only (another process queued work). */
    public void queuedHere() {
        synchronized (work) {
            workGeneration++;
            work.notify();
        }
    }

    /** Wakes every idle worker (start-up, with jobs left from before; shutdown). */
    void wakeAllWorkers() {
        synchronized (work) {
            workGeneration++;
            work.notifyAll();
        }
    }

    /** A counter {@link #queued} moves; read it before looking for work, then {@link #awaitWork}. */
    long workGeneration() {
        synchronized (work) {
            return workGeneration;
        }
    }

    /** Waits up to {@code millis} for a {@link #queued} after generation {@code seen}. */
    void awaitWork(long seen, long millis) throws InterruptedException {
        synchronized (work) {
            long deadline = System.currentTimeMillis() + millis;
            long left;
            while (workGeneration == seen && (left = deadline - System.currentTimeMillis()) > 0) {
                work.wait(left);
            }
        }
    }

    /** A job was canceled: interrupt its step here, and tell its streams. */
    public void canceled(String jobId) {
        interrupts.cancel(jobId);
        notifier.publish(jobId);
    }

    /** Something about the job was committed (checkpoint or status). */
    public void changed(String jobId) {
        notifier.publish(jobId);
        Broadcast b = broadcast;
        if (b != null) {
            b.changed(jobId);
        }
    }

    public CheckpointNotifier notifier() {
        return notifier;
    }

    StepInterrupts interrupts() {
        return interrupts;
    }
}
