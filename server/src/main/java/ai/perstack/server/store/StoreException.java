package ai.perstack.server.store;

import java.sql.SQLException;

/** A database failure that the caller cannot correct; surfaces as a 500. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super("database error (SQLState " + cause.getSQLState() + ")", cause);
    }

    /** Whether the failure was a unique-key violation (SQLState 23505 on H2 and PostgreSQL). */
    public boolean isUniqueViolation() {
        return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }
}
