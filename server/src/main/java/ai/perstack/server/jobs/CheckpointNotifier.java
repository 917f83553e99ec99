package ai.perstack.server.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the listeners of a job that something about it was committed (a checkpoint, a status
 * change). Nobody polls in a loop: a listener is called on the committing thread and must only
 * note the signal and hand the work to its own thread.
 */
public final class CheckpointNotifier {
    private final Map<String, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** Called after each commit about the job, and once when the platform closes. */
    public interface Listener {
        /** Something about the job was committed; must not block. */
        void changed();

        /** The platform is closing. */
        void closed();
    }

    /** A listener's registration; closing it stops the calls. */
    public final class Registration implements AutoCloseable {
        private final String jobId;
        private final Listener listener;

        private Registration(String jobId, Listener listener) {
            this.jobId = jobId;
            this.listener = listener;
        }

        @Override
        public void close() {
            listeners.computeIfPresent(jobId, (k, set) -> {
                set.remove(listener);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Registers before the listener reads the store, so no commit between the read and the wait is missed. */
    public Registration listen(String jobId, Listener listener) {
        listeners.compute(jobId, (k, set) -> {
            Set<Listener> target = set != null ? set : ConcurrentHashMap.newKeySet();
            target.add(listener);
            return target;
        });
        if (closed) {
            listener.closed();
        }
        return new Registration(jobId, listener);
    }

    /** Called after a commit that concerns the job. */
    public void publish(String jobId) {
        Set<Listener> set = listeners.get(jobId);
        if (set != null) {
            set.forEach(Listener::changed);
        }
    }

    /** Tells every listener the platform is closing. */
    public void close() {
        closed = true;
        listeners.values().forEach(set -> set.forEach(Listener::closed));
    }
}
