package ai.perstack.server.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limiter's memory stays bounded however many distinct keys or clients it sees. */
class RateLimiterTest {

    @Test
    void aMillionDistinctKeysKeepAtMostTheBoundOfBuckets() {
        RateLimiter limiter = new RateLimiter(5);
        for (int i = 0; i < 1_000_000; i++) {
            limiter.acquire("key-" + i);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(RateLimiter.MAX_BUCKETS);
    }

    @Test
    void aKeyOverItsBudgetStaysLimitedWhileOthersComeAndGo() {
        RateLimiter limiter = new RateLimiter(2);
        assertThat(limiter.acquire("busy")).isZero();
        assertThat(limiter.acquire("busy")).isZero();
        for (int i = 0; i < 3 * RateLimiter.MAX_BUCKETS; i++) {
            limiter.acquire("other-" + i);
        }
        // Evicting makes room only by dropping buckets that are full again: an empty one is kept.
        assertThat(limiter.acquire("busy")).isGreaterThanOrEqualTo(1);
    }
}
