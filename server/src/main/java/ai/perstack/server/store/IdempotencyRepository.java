package ai.perstack.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Responses kept per (organization, Idempotency-Key) for replay. */
public final class IdempotencyRepository {

    /** A kept request fingerprint and, once finished, its response. */
    public record IdempotencyRecord(String fingerprint, Integer status, String responseBody, Instant createdAt) {
        /** Whether the first request with the key is still being processed. */
        public boolean pending() {
            return status == null;
        }
    }

    public Optional<IdempotencyRecord> find(Tx tx, String organizationId, String key) throws SQLException {
        return tx.queryOne("SELECT fingerprint, status, response_body, created_at FROM idempotency_records "
                        + "WHERE organization_id = ? AND idempotency_key = ?",
                rs -> new IdempotencyRecord(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        Tx.instant(rs, "created_at")),
                organizationId, key);
    }

    /** Claims the key for a request being processed; false when it is already claimed. */
    public boolean claim(Tx tx, String organizationId, String key, String fingerprint, Instant now)
            throws SQLException {
        return tx.insertUnlessDuplicate("INSERT INTO idempotency_records "
                        + "(organization_id, idempotency_key, fingerprint, status, response_body, created_at) "
                        + "VALUES (?, ?, ?, NULL, NULL, ?)", organizationId, key, fingerprint, now);
    }

    public void complete(Tx tx, String organizationId, String key, int status, String body) throws SQLException {
        tx.update("UPDATE idempotency_records SET status = ?, response_body = ? "
                + "WHERE organization_id = ? AND idempotency_key = ?", status, body, organizationId, key);
    }

    public void release(Tx tx, String organizationId, String key) throws SQLException {
        tx.update("DELETE FROM idempotency_records WHERE organization_id = ? AND idempotency_key = ?",
                organizationId, key);
    }

    /** Forgets records older than {@code cutoff}. */
    public int expire(Tx tx, Instant cutoff) throws SQLException {
        return tx.update("DELETE FROM idempotency_records WHERE created_at < ?", cutoff);
    }
}
