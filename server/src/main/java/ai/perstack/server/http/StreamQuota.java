package ai.perstack.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many checkpoint streams each organization holds open, against a cap. Every key belongs to
 * one organization, so the cap binds each key too; an organization with no open stream has no entry.
 */
final class StreamQuota {
    private final int maxPerOrganization;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    StreamQuota(int maxPerOrganization) {
        this.maxPerOrganization = maxPerOrganization;
    }

    int max() {
        return maxPerOrganization;
    }

    /** Takes a place for a new stream of the organization; false when it already holds the most. */
    boolean tryAcquire(String organizationId) {
        boolean[] taken = {false};
        open.compute(organizationId, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= maxPerOrganization) {
                return n;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    /** Gives back the place of a stream that ended. */
    void release(String organizationId) {
        open.computeIfPresent(organizationId, (k, n) -> n <= 1 ? null : n - 1);
    }
}
