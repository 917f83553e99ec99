package ai.perstack.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets: {@code perSecond} requests a second, bursts up to the same number, one bucket
 * per name (an API key's hash, or a client address for requests that fail authentication).
 * At most {@link #MAX_BUCKETS} buckets are kept: to make room, buckets that have filled up again
 * are dropped (a full bucket is the same as a new one, so nothing is forgotten); when every bucket
 * is in use, newcomers share one overflow bucket until room is made.
 */
final class RateLimiter {
    static final int MAX_BUCKETS = 10_000;
    private static final String OVERFLOW = "\u0000overflow";
    private static final long SWEEP_EVERY_NANOS = 100_000_000L;

    private final int perSecond;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket overflow;
    private volatile long lastSweep;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.overflow = new Bucket(perSecond, System.nanoTime());
    }

    boolean enabled() {
        return perSecond > 0;
    }

    /** Takes a token for {@code key}; returns 0 if allowed, else the seconds to wait (>= 1). */
    long acquire(String key) {
        return bucket(key).take(perSecond);
    }

    int size() {
        return buckets.size();
    }

    private Bucket bucket(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_BUCKETS && !makeRoom()) {
            return overflow;
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, System.nanoTime()));
    }

    /** Drops the buckets that are full again (at most every 100 ms); whether there is room now. */
    private synchronized boolean makeRoom() {
        long now = System.nanoTime();
        if (buckets.size() >= MAX_BUCKETS && now - lastSweep > SWEEP_EVERY_NANOS) {
            lastSweep = now;
            buckets.values().removeIf(b -> b.full(perSecond, now));
        }
        return buckets.size() < MAX_BUCKETS;
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        synchronized long take(int perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double wait = (1 - tokens) / perSecond;
            return Math.max(1, (long) Math.ceil(wait));
        }

        synchronized boolean full(int perSecond, long now) {
            return tokens + (now - updated) / 1e9 * perSecond >= perSecond;
        }
    }
}
