package ai.perstack.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The relational store: a HikariCP pool over H2 (file, PostgreSQL mode) or PostgreSQL,
 * migrated by Flyway on open. Work runs in {@link #inTransaction} so nothing is ever
 * half-written.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private final HikariDataSource pool;
    private final boolean postgres;

    private Database(HikariDataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    /**
     * Opens the database and applies pending migrations.
     *
     * @param databaseUrl a {@code jdbc:postgresql:} URL, or null for H2 in {@code dataDir}
     * @param dataDir     where the H2 file lives when no URL is given
     */
    public static Database open(String databaseUrl, Path dataDir) {
        String url = databaseUrl != null ? databaseUrl : h2Url(dataDir);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (!postgres && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("unsupported database URL: only jdbc:postgresql: and jdbc:h2: are supported");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("perstack");
        config.setMaximumPoolSize(postgres ? 10 : 8);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, postgres);
    }

    /**
     * The H2 URL for a data directory: PostgreSQL mode, shareable with an offline admin command.
     * H2 parses every prepared statement again unless it is in the session's query cache, which
     * holds 8 by default, fewer than the statements of one job step; 64 holds them all.
     */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("perstack")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
    }

    /** Whether this is PostgreSQL (else H2). */
    public boolean isPostgres() {
        return postgres;
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(new Tx(connection));
                connection.commit();
                return result;
            } catch (Throwable e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * A connection outside any transaction (auto-commit), for work that holds one for long, such as
     * PostgreSQL's LISTEN. The caller closes it.
     */
    public Connection dedicatedConnection() throws SQLException {
        Connection connection = pool.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    @Override
    public void close() {
        pool.close();
    }
}
