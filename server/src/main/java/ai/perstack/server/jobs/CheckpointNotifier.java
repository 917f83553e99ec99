package ai.perstack.server.jobs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes the streams of a job after something about it was committed (a checkpoint, a status
 * change). Nobody polls in a loop: a subscriber sleeps until it is signalled or its timeout
 * (the ping interval, or the cross-process poll) passes.
 */
public final class CheckpointNotifier {
    private final Map<String, Set<Subscription>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** One stream's doorbell. */
    public final class Subscription implements AutoCloseable {
        private final String jobId;
        private boolean signalled;
        private boolean ended;

        private Subscription(String jobId) {
            this.jobId = jobId;
        }

        synchronized void signal() {
            signalled = true;
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /**
         * Waits until signalled or {@code millis} pass; true when signalled since the last call.
         *
         * @throws InterruptedException also when the platform is closing
         */
        public synchronized boolean await(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            long left;
            while (!signalled && !ended && (left = deadline - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000L));
            }
            if (ended) {
                throw new InterruptedException("the platform is closing");
            }
            boolean was = signalled;
            signalled = false;
            return was;
        }

        @Override
        public void close() {
            subscribers.computeIfPresent(jobId, (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Subscribes before reading the store, so no commit between the read and the wait is missed. */
    public Subscription subscribe(String jobId) {
        Subscription s = new Subscription(jobId);
        subscribers.compute(jobId, (k, set) -> {
            Set<Subscription> target = set != null ? set : ConcurrentHashMap.newKeySet();
            target.add(s);
            return target;
        });
        if (closed) {
            s.end();
        }
        return s;
    }

    /** Called after a commit that concerns the job. */
    public void publish(String jobId) {
        Set<Subscription> set = subscribers.get(jobId);
        if (set != null) {
            set.forEach(Subscription::signal);
        }
    }

    /** Ends every stream (platform shutdown). */
    public void close() {
        closed = true;
        subscribers.values().forEach(set -> set.forEach(Subscription::end));
    }
}
