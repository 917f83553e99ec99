package ai.perstack.server.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a cancel reach the step a worker of this process is taking for the job: the step's
 * sleeps wake up at once instead of running to their end.
 */
public final class StepInterrupts {
    private final Map<String, Token> running = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /** A job's step in progress: its waits end early when the job is canceled. */
    static final class Token {
        private boolean canceled;
        private boolean shutdown;
        private final java.util.List<Runnable> onCancel = new java.util.concurrent.CopyOnWriteArrayList<>();

        void cancel() {
            synchronized (this) {
                canceled = true;
                notifyAll();
            }
            onCancel.forEach(Runnable::run);
        }

        /** Ends the wait because the server stops (the job is not canceled). */
        void shutdown() {
            synchronized (this) {
                shutdown = true;
                canceled = true;
                notifyAll();
            }
            onCancel.forEach(Runnable::run);
        }

        /** Runs {@code hook} when the job is canceled or the server stops (ends running tool calls). */
        void onCancel(Runnable hook) {
            onCancel.add(hook);
        }

        synchronized boolean shutdownRequested() {
            return shutdown;
        }

        synchronized boolean canceled() {
            return canceled;
        }

        /** Waits up to {@code millis}, returning early when canceled. */
        synchronized void await(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            long left;
            while (!canceled && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000L), (int) (left % 1_000_000L));
            }
        }
    }

    Token register(String jobId) {
        Token token = new Token();
        running.put(jobId, token);
        if (closing) {
            token.shutdown();
        }
        return token;
    }

    void unregister(String jobId, Token token) {
        running.remove(jobId, token);
    }

    /** Ends every step's waits: the server stops. Threads are never interrupted (H2 closes files on interrupts). */
    void shutdown() {
        closing = true;
        running.values().forEach(Token::shutdown);
    }

    /** Interrupts the job's current step if it runs in this process. */
    public void cancel(String jobId) {
        Token token = running.get(jobId);
        if (token != null) {
            token.cancel();
        }
    }
}
