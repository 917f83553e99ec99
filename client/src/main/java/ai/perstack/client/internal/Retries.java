package ai.perstack.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** What may be retried, and how long to wait before the next attempt. */
public final class Retries {
    /** First backoff. */
    public static final Duration INITIAL = Duration.ofMillis(500);
    /** Longest computed backoff. */
    public static final Duration MAX = Duration.ofSeconds(8);
    /** Longest wait a server's {@code Retry-After} may ask for. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private Retries() {
    }

    /** 408, 429, 500, 502, 503 and 504 are retried; no other status is (but see {@link #retryable}). */
    public static boolean retryableStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Whether an answer is retried: a {@link #retryableStatus retryable status}, or a 409 that says when to try
     * again ({@code Retry-After}): the server is still processing an earlier attempt with the same
     * {@code Idempotency-Key} (say, one whose connection broke before the answer came), and the retry gets that
     * attempt's answer once it is kept. Other 409s (a key reused for another body, a state conflict) are final.
     */
    public static boolean retryable(int status, String retryAfter) {
        return retryableStatus(status) || status == 409 && retryAfter != null && !retryAfter.isBlank();
    }

    /**
     * The wait before retry number {@code attempt + 1}: the server's {@code Retry-After} when
     * given (capped at 60 s), else exponential backoff from 0.5 s to 8 s with up to 25 % jitter
     * taken off, so that many clients do not retry in lockstep.
     */
    public static Duration delay(int attempt, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter, Instant.now());
        if (asked != null) {
            return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return backoff(attempt);
    }

    /** Exponential backoff with jitter for {@code attempt} (0-based). */
    public static Duration backoff(int attempt) {
        long base = Math.min(MAX.toMillis(), INITIAL.toMillis() << Math.min(attempt, 10));
        double jitter = 1.0 - ThreadLocalRandom.current().nextDouble() * 0.25;
        return Duration.ofMillis((long) (base * jitter));
    }

    /** Parses {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return MAX_RETRY_AFTER;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
