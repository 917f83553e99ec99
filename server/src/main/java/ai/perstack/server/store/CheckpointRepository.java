package ai.perstack.server.store;

import ai.perstack.server.domain.Page;
import ai.perstack.server.domain.PageRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Checkpoints, stored as the JSON the API returns. */
public final class CheckpointRepository {

    /** A stored checkpoint: its sequence and its JSON. */
    public record StoredCheckpoint(int sequence, String json) {
    }

    /** Inserts a checkpoint; the unique (job, sequence) key makes a duplicate step fail the transaction. */
    public void insert(Tx tx, String id, String jobId, int sequence, String json, Instant createdAt) throws SQLException {
        tx.update("INSERT INTO checkpoints (id, job_id, sequence, body_json, created_at) VALUES (?, ?, ?, ?, ?)",
                id, jobId, sequence, json, createdAt);
    }

    /** Checkpoints with {@code after < sequence <= upTo}, in order, at most {@code limit}. */
    public List<StoredCheckpoint> range(Tx tx, String jobId, int after, int upTo, int limit) throws SQLException {
        return tx.query("SELECT sequence, body_json FROM checkpoints WHERE job_id = ? AND sequence > ? AND sequence <= ? "
                        + "ORDER BY sequence LIMIT ?", rs -> new StoredCheckpoint(rs.getInt(1), rs.getString(2)),
                jobId, after, upTo, limit);
    }

    /** One page; both sort fields follow the commit order, which is the sequence order. */
    public Page<String> page(Tx tx, String jobId, PageRequest page) throws SQLException {
        long total = tx.count("SELECT COUNT(*) FROM checkpoints WHERE job_id = ?", jobId);
        List<String> items = tx.query("SELECT body_json FROM checkpoints WHERE job_id = ? ORDER BY sequence"
                        + (page.descending() ? " DESC" : " ASC") + " LIMIT ? OFFSET ?", rs -> rs.getString(1),
                jobId, page.take(), page.skip());
        return new Page<>(items, total);
    }

    public Optional<String> find(Tx tx, String jobId, String id) throws SQLException {
        return tx.queryOne("SELECT body_json FROM checkpoints WHERE job_id = ? AND id = ?", rs -> rs.getString(1), jobId, id);
    }
}
