package ai.perstack.server.store;

import ai.perstack.server.domain.Page;
import ai.perstack.server.domain.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Jobs: the API's reads and writes, and the queue operations of the worker pool. */
public final class JobRepository {
    private static final Map<String, String> SORT_COLUMNS = Map.of("createdAt", "created_at", "updatedAt", "updated_at");
    private static final String COLUMNS = "id, organization_id, application_id, expert_key, resolved_expert_key, "
            + "definition_json, status, query, files_json, provider, model, reasoning_budget, max_steps, max_retries, "
            + "total_steps, input_tokens, output_tokens, reasoning_tokens, cached_input_tokens, result, error_name, "
            + "error_message, error_retryable, state_json, last_sequence, claimed_by, lease_until, created_at, "
            + "started_at, finished_at, updated_at";

    /** Equality filters of a job list; null means no filter on that field. */
    public record Filter(List<String> statuses, List<String> applicationIds, List<String> expertKeys) {
    }

    public void insert(Tx tx, JobRecord j) throws SQLException {
        tx.update("INSERT INTO jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                j.id, j.organizationId, j.applicationId, j.expertKey, j.resolvedExpertKey, j.definitionJson, j.status,
                j.query, j.filesJson, j.provider, j.model, j.reasoningBudget, j.maxSteps, j.maxRetries, j.totalSteps,
                j.inputTokens, j.outputTokens, j.reasoningTokens, j.cachedInputTokens, j.result, j.errorName,
                j.errorMessage, j.errorRetryable, j.stateJson, j.lastSequence, j.claimedBy, j.leaseUntil, j.createdAt,
                j.startedAt, j.finishedAt, j.updatedAt);
    }

    private static final String UPDATE = "UPDATE jobs SET status = ?, query = ?, files_json = ?, provider = ?, model = ?, "
            + "reasoning_budget = ?, max_steps = ?, max_retries = ?, total_steps = ?, input_tokens = ?, output_tokens = ?, "
            + "reasoning_tokens = ?, cached_input_tokens = ?, result = ?, error_name = ?, error_message = ?, "
            + "error_retryable = ?, state_json = ?, last_sequence = ?, claimed_by = ?, lease_until = ?, "
            + "started_at = ?, finished_at = ?, updated_at = ? WHERE id = ?";

    /** Writes back every mutable column. */
    public void update(Tx tx, JobRecord j) throws SQLException {
        tx.update(UPDATE, mutableColumns(j, j.id));
    }

    /**
     * Writes back every mutable column only while the row is as the runner {@code owner} last wrote
     * it: still claimed by it, {@code running}, and not written since (its {@code updated_at} still
     * {@code lastWritten}; every other writer of a job row sets it, the lease heartbeat aside, which
     * writes only the lease). Returns whether it did; when not, nothing changed. A step's commit
     * tries this before reading and locking the row: the conditional update takes the same row
     * lock, and it spares the read (and, on H2, parsing a {@code FOR UPDATE} statement again,
     * which H2 does not keep in its query cache).
     */
    public boolean updateIfUnchanged(Tx tx, JobRecord j, String owner, Instant lastWritten) throws SQLException {
        Object[] set = mutableColumns(j, j.id);
        Object[] args = java.util.Arrays.copyOf(set, set.length + 2);
        args[set.length] = owner;
        args[set.length + 1] = lastWritten;
        return tx.update(UPDATE + " AND claimed_by = ? AND status = 'running' AND updated_at = ?", args) == 1;
    }

    private static Object[] mutableColumns(JobRecord j, String id) {
        return new Object[] {j.status, j.query, j.filesJson, j.provider, j.model, j.reasoningBudget, j.maxSteps,
                j.maxRetries, j.totalSteps, j.inputTokens, j.outputTokens, j.reasoningTokens, j.cachedInputTokens,
                j.result, j.errorName, j.errorMessage, j.errorRetryable, j.stateJson, j.lastSequence, j.claimedBy,
                j.leaseUntil, j.startedAt, j.finishedAt, j.updatedAt, id};
    }

    public Optional<JobRecord> find(Tx tx, String organizationId, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE organization_id = ? AND id = ?",
                JobRepository::map, organizationId, id);
    }

    /** Loads a job of the organization and locks its row until the transaction ends. */
    public Optional<JobRecord> lock(Tx tx, String organizationId, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE organization_id = ? AND id = ? FOR UPDATE",
                JobRepository::map, organizationId, id);
    }

    /**
     * Loads any job by id without locking it: for a transaction that already holds the row's
     * lock (it just updated the row), where a {@code FOR UPDATE} would only cost a parse.
     */
    public Optional<JobRecord> get(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE id = ?", JobRepository::map, id);
    }

    /** Loads any job by id and locks its row (the runtime, which acts for no organization). */
    public Optional<JobRecord> lock(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM jobs WHERE id = ? FOR UPDATE", JobRepository::map, id);
    }

    /** The status and last sequence of a job, without locking: what a stream needs to know. */
    public Optional<String[]> progress(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT status, last_sequence FROM jobs WHERE id = ?",
                rs -> new String[] {rs.getString(1), Integer.toString(rs.getInt(2))}, id);
    }

    public Page<JobRecord> list(Tx tx, String organizationId, Filter filter, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE organization_id = ?");
        List<Object> args = new ArrayList<>(List.of(organizationId));
        for (String status : filter.statuses()) {
            where.append(" AND status = ?");
            args.add(status);
        }
        for (String applicationId : filter.applicationIds()) {
            where.append(" AND application_id = ?");
            args.add(applicationId);
        }
        for (String key : filter.expertKeys()) {
            where.append(" AND (expert_key = ? OR resolved_expert_key = ?)");
            args.add(key);
            args.add(key);
        }
        long total = tx.count("SELECT COUNT(*) FROM jobs" + where, args.toArray());
        String direction = page.descending() ? " DESC" : " ASC";
        args.add(page.take());
        args.add(page.skip());
        List<JobRecord> items = tx.query("SELECT " + COLUMNS + " FROM jobs" + where + " ORDER BY "
                + SORT_COLUMNS.get(page.sort()) + direction + ", id" + direction + " LIMIT ? OFFSET ?",
                JobRepository::map, args.toArray());
        return new Page<>(items, total);
    }

    /** How many jobs of an application are queued, running or paused. */
    public long countUnfinished(Tx tx, String organizationId, String applicationId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM jobs WHERE organization_id = ? AND application_id = ? "
                + "AND status IN ('queued', 'running', 'paused')", organizationId, applicationId);
    }

    /**
     * Claims the oldest runnable job for {@code owner}: queued, or running without a live claim
     * (resumed after a pause, or left behind by a process whose lease ran out). PostgreSQL skips
     * rows another process is claiming; H2 relies on the conditional update, which only one
     * claimer can win.
     */
    public Optional<String> claimNext(Tx tx, boolean postgres, String owner, Instant now, Instant leaseUntil)
            throws SQLException {
        String runnable = "status IN ('queued', 'running') AND (claimed_by IS NULL OR lease_until < ?)";
        List<String> candidates = tx.query("SELECT id FROM jobs WHERE " + runnable + " ORDER BY updated_at, id LIMIT 5"
                + (postgres ? " FOR UPDATE SKIP LOCKED" : ""), rs -> rs.getString(1), now);
        for (String id : candidates) {
            int won = tx.update("UPDATE jobs SET status = 'running', claimed_by = ?, lease_until = ?, "
                            + "started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ? AND " + runnable,
                    owner, leaseUntil, now, now, id, now);
            if (won == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Extends the lease of every job whose owner matches the LIKE pattern (one process's workers). */
    public int renewLeases(Tx tx, String ownerPattern, Instant leaseUntil) throws SQLException {
        return tx.update("UPDATE jobs SET lease_until = ? WHERE claimed_by LIKE ?", leaseUntil, ownerPattern);
    }

    /** Drops every claim (H2 at start-up: the file database has exactly one server process). */
    public int releaseAllClaims(Tx tx) throws SQLException {
        return tx.update("UPDATE jobs SET claimed_by = NULL, lease_until = NULL WHERE claimed_by IS NOT NULL");
    }

    /** The current status of a job, or null when it does not exist. */
    public String status(Tx tx, String id) throws SQLException {
        return tx.queryOne("SELECT status FROM jobs WHERE id = ?", rs -> rs.getString(1), id).orElse(null);
    }

    private static JobRecord map(ResultSet rs) throws SQLException {
        JobRecord j = new JobRecord(rs.getString("id"), rs.getString("organization_id"), rs.getString("application_id"),
                rs.getString("expert_key"), rs.getString("resolved_expert_key"), rs.getString("definition_json"),
                Tx.instant(rs, "created_at"));
        j.status = rs.getString("status");
        j.query = rs.getString("query");
        j.filesJson = rs.getString("files_json");
        j.provider = rs.getString("provider");
        j.model = rs.getString("model");
        j.reasoningBudget = rs.getString("reasoning_budget");
        j.maxSteps = rs.getInt("max_steps");
        j.maxRetries = rs.getInt("max_retries");
        j.totalSteps = rs.getInt("total_steps");
        j.inputTokens = rs.getLong("input_tokens");
        j.outputTokens = rs.getLong("output_tokens");
        j.reasoningTokens = rs.getLong("reasoning_tokens");
        j.cachedInputTokens = rs.getLong("cached_input_tokens");
        j.result = rs.getString("result");
        j.errorName = rs.getString("error_name");
        j.errorMessage = rs.getString("error_message");
        boolean retryable = rs.getBoolean("error_retryable");
        j.errorRetryable = rs.wasNull() ? null : retryable;
        j.stateJson = rs.getString("state_json");
        j.lastSequence = rs.getInt("last_sequence");
        j.claimedBy = rs.getString("claimed_by");
        j.leaseUntil = Tx.instant(rs, "lease_until");
        j.startedAt = Tx.instant(rs, "started_at");
        j.finishedAt = Tx.instant(rs, "finished_at");
        j.updatedAt = Tx.instant(rs, "updated_at");
        return j;
    }
}
