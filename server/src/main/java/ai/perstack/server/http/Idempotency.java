package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.security.SecretCipher;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.IdempotencyRepository;
import ai.perstack.server.store.IdempotencyRepository.IdempotencyRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on POST: the first request claims the key, its response is kept for
 * 24 h per organization and replayed for a repeat with the same body; a different body → 409.
 * Bodies are compared by keyed hash, so no secret value is kept.
 */
final class Idempotency {
    static final Duration RETENTION = Duration.ofHours(24);

    private final Database db;
    private final IdempotencyRepository records;
    private final SecretCipher cipher;
    private final Clock clock;

    Idempotency(Database db, IdempotencyRepository records, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.records = records;
        this.cipher = cipher;
        this.clock = clock;
    }

    static boolean isValidKey(String key) {
        return key.length() >= 1 && key.length() <= 255 && key.chars().allMatch(c -> c >= 32 && c < 127);
    }

    /**
     * Claims the key for this request, or returns the kept reply to replay.
     *
     * @throws ApiException 409 when the key was used with another request or is still in progress
     */
    Optional<Reply> claimOrReplay(Organization org, String key, String method, String path, byte[] body) {
        String fingerprint = fingerprint(method, path, body);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            for (int attempt = 0; attempt < 2; attempt++) {
                Optional<IdempotencyRecord> kept = records.find(tx, org.id(), key);
                if (kept.isPresent() && kept.get().createdAt().isBefore(now.minus(RETENTION))) {
                    records.release(tx, org.id(), key);
                    kept = Optional.empty();
                }
                if (kept.isPresent()) {
                    IdempotencyRecord record = kept.get();
                    if (!record.fingerprint().equals(fingerprint)) {
                        throw ApiException.conflict("Idempotency-Key was already used for a different request");
                    }
                    if (record.pending()) {
                        throw stillInProgress();
                    }
                    return Optional.of(new Reply(record.status(), new RawJson(record.responseBody())));
                }
                if (records.claim(tx, org.id(), key, fingerprint, now)) {
                    return Optional.empty();
                }
            }
            throw stillInProgress();
        });
    }

    /** The first request with the key has not been answered yet: the same request may pass shortly. */
    private static ApiException stillInProgress() {
        return ApiException.conflictTryAgain("a request with this Idempotency-Key is still being processed", 1);
    }

    /** Keeps the response of a claimed key; server errors release it so the request can be retried. */
    void complete(Organization org, String key, int status, String body) {
        db.inTransaction(tx -> {
            if (status >= 500) {
                records.release(tx, org.id(), key);
            } else {
                records.complete(tx, org.id(), key, status, body);
            }
            return null;
        });
    }

    /** Forgets expired records. */
    int expire() {
        return db.inTransaction(tx -> records.expire(tx, clock.instant().minus(RETENTION)));
    }

    private String fingerprint(String method, String path, byte[] body) {
        byte[] head = (method + " " + path + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return cipher.fingerprint(all);
    }

    /** A response body kept as JSON text, written out verbatim. */
    record RawJson(String json) {
    }
}
