package ai.perstack.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request bodies being read at once, each holding a request thread: at most
 * {@link #PER_CLIENT} per client address and {@link #TOTAL} in all, so that slow uploads, however
 * many and from however few clients, leave threads (Jetty's pool has 250) for everyone else.
 * A client that sends one request at a time never meets the per-client bound.
 */
final class BodySlots {
    static final int PER_CLIENT = 64;
    static final int TOTAL = 128;

    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

    /** The outcome of {@link #tryAcquire}. */
    enum Result { TAKEN, CLIENT_FULL, SERVER_FULL }

    Result tryAcquire(String client) {
        if (total.incrementAndGet() > TOTAL) {
            total.decrementAndGet();
            return Result.SERVER_FULL;
        }
        boolean[] taken = {false};
        perClient.compute(client, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= PER_CLIENT) {
                return n;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            total.decrementAndGet();
            return Result.CLIENT_FULL;
        }
        return Result.TAKEN;
    }

    void release(String client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        total.decrementAndGet();
    }
}
