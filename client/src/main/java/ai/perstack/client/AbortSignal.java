package ai.perstack.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A signal that a call should stop, fired by its {@link AbortController}. Safe to share across
 * threads: abort from any thread ends a pending call, a backoff or a blocked stream read at once.
 */
public final class AbortSignal {
    private final Object lock = new Object();
    private final List<Runnable> listeners = new ArrayList<>();
    private volatile boolean aborted;
    private volatile String reason;

    AbortSignal() {
    }

    /** {@return true once the controller has aborted} */
    public boolean aborted() {
        return aborted;
    }

    /** {@return the reason given to {@link AbortController#abort(String)}, if any} */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Runs {@code listener} when the signal fires (at once, on this thread, if it already has).
     *
     * @return a handle whose {@code close()} removes the listener; calls remove theirs when they end
     * @param listener what to run when the signal fires
     */
    public AutoCloseable onAbort(Runnable listener) {
        synchronized (lock) {
            if (!aborted) {
                listeners.add(listener);
                return () -> {
                    synchronized (lock) {
                        listeners.remove(listener);
                    }
                };
            }
        }
        listener.run();
        return () -> { };
    }

    void fire(String why) {
        List<Runnable> toRun;
        synchronized (lock) {
            if (aborted) {
                return;
            }
            reason = why;
            aborted = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
    }
}
