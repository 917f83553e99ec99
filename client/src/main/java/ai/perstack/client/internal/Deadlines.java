package ai.perstack.client.internal;

import java.util.Collection;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the overall timeouts of many calls with at most one timer task at a time, instead of
 * one task per call.
 *
 * <p>Why: scheduling a task on an idle {@link java.util.concurrent.ScheduledThreadPoolExecutor}
 * wakes its thread (the new task is the head of an empty queue), and cancelling it takes the
 * queue's lock again; on a loaded 2-core machine that wake-up is a context switch per call and
 * was the largest part of the client's overhead over a hand-written {@code HttpClient.send}
 * ({@code ./bench/run client}, BENCHMARKS.md). Here a call whose deadline is later than the
 * next scheduled check (nearly always: timeouts are seconds, calls are micro- to milliseconds)
 * costs one volatile read. When the check runs it expires the calls that are due, among the
 * watched ones, and schedules itself for the earliest deadline left.
 *
 * <p>Correctness does not depend on timing: a call is first added to the watched collection,
 * then compares its deadline with the next check; the check first forgets its own time, then
 * scans. Volatile accesses are sequentially consistent, so either the call sees that no check
 * is due and schedules one, or the check's scan sees the call.
 */
final class Deadlines {
    /** A call with a deadline. */
    interface Watched {
        /** The deadline, on the {@link System#nanoTime()} clock. */
        long deadline();

        /** Ends the call as timed out; called at most once per check, from the timer thread. */
        void expire();
    }

    private static final long NONE = Long.MIN_VALUE;

    private final ScheduledExecutorService timer;
    private final Collection<? extends Watched> watched;
    private final Object lock = new Object();
    /** When the scheduled check runs, or {@link #NONE}. Written under {@link #lock}. */
    private volatile long nextCheck = NONE;
    /** Guarded by {@link #lock}. */
    private ScheduledFuture<?> scheduled;

    /**
     * @param timer   runs the checks
     * @param watched the calls in flight; a call is in it before {@link #watch} and leaves it when it ends
     */
    Deadlines(ScheduledExecutorService timer, Collection<? extends Watched> watched) {
        this.timer = timer;
        this.watched = watched;
    }

    /**
     * Makes sure a check runs by {@code call}'s deadline; {@code call} must already be watched.
     *
     * @throws RejectedExecutionException when the timer has shut down
     */
    void watch(Watched call) {
        long deadline = call.deadline();
        long next = nextCheck;
        if (next == NONE || deadline - next < 0) {
            synchronized (lock) {
                scheduleBy(deadline);
            }
        }
    }

    /** Under {@link #lock}: moves the check to {@code deadline} unless one is due earlier. */
    private void scheduleBy(long deadline) {
        long next = nextCheck;
        if (next != NONE && deadline - next >= 0) {
            return;
        }
        ScheduledFuture<?> f = timer.schedule(this::check, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = f;
        nextCheck = deadline;
    }

    private void check() {
        synchronized (lock) {
            nextCheck = NONE;
            scheduled = null;
        }
        long now = System.nanoTime();
        boolean left = false;
        long earliest = 0;
        for (Watched call : watched) {
            long deadline = call.deadline();
            if (deadline - now <= 0) {
                call.expire();
            } else if (!left || deadline - earliest < 0) {
                left = true;
                earliest = deadline;
            }
        }
        if (left) {
            synchronized (lock) {
                try {
                    scheduleBy(earliest);
                } catch (RejectedExecutionException closed) {
                    // the client closed meanwhile, which ends every call itself
                }
            }
        }
    }
}
