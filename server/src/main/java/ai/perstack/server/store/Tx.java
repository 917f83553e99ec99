package ai.perstack.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open transaction. Repositories take it as their first argument so that a domain
 * operation spanning several of them commits or rolls back as a whole. Every statement
 * is prepared; values are always bound, never concatenated.
 */
public final class Tx {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    Tx(Connection connection) {
        this.connection = connection;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long count(String sql, Object... args) throws SQLException {
        return queryOne(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    /**
     * Runs an insert that may hit a unique key; returns false (and leaves the transaction
     * usable) instead of failing when it does.
     */
    boolean insertUnlessDuplicate(String sql, Object... args) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            update(sql, args);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                connection.rollback(savepoint);
                return false;
            }
            throw e;
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg instanceof Instant instant) {
                    ps.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Escapes a user-given substring for {@code LIKE ? ESCAPE '\'}. */
    static String likePattern(String substring) {
        String escaped = substring.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
