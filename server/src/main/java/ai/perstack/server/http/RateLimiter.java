package ai.perstack.server.http;

import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per API key: {@code perSecond} requests a second, bursts up to the same number. */
final class RateLimiter {
    private final int perSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    boolean enabled() {
        return perSecond > 0;
    }

    /** Takes a token for {@code key}; returns 0 if allowed, else the seconds to wait (>= 1). */
    long acquire(String key) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perSecond, System.nanoTime()));
        synchronized (bucket) {
            long now = System.nanoTime();
            bucket.tokens = Math.min(perSecond, bucket.tokens + (now - bucket.updated) / 1e9 * perSecond);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double wait = (1 - bucket.tokens) / perSecond;
            return Math.max(1, (long) Math.ceil(wait));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
