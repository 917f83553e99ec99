package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.testing.Postgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * The store the previous release (commit {@code fa50de1}) really wrote, made by
 * {@code upgrade/make-turn-one-store.sh}: its H2 data directory ({@code upgrade/turn-one-store/}) and
 * the rows of each of its tables ({@code upgrade/turn-one-rows.json}). {@link #open} starts the
 * current server on a copy of it: on H2 the copied data directory itself, on PostgreSQL a new
 * database that Flyway builds to V2 (the previous release's schema) and that the rows are loaded into.
 */
final class TurnOneStore {
    /** The bootstrap API key the store was written with (organization {@code local}); a test value. */
    static final String API_KEY = "psk_turn-one-fixture-key-0123456789";
    /** The master key the store's secret is sealed with: base64 of {@code perstack-upgrade-fixture-key-32b}; a test value. */
    static final byte[] MASTER_KEY = Base64.getDecoder().decode("cGVyc3RhY2stdXBncmFkZS1maXh0dXJlLWtleS0zMmI=");

    /** The two stores the server runs on. */
    enum Backend { H2, POSTGRES }

    private TurnOneStore() {
    }

    /** The current server on a fresh copy of the previous release's store, and a client of it. */
    record Opened(LocalPlatform platform, PerstackClient client) implements AutoCloseable {
        @Override
        public void close() {
            try (LocalPlatform p = platform) {
                client.close();
            }
        }
    }

    static Opened open(Backend backend) throws Exception {
        return open(backend, ProviderSettings.defaults());
    }

    /** As {@link #open(Backend)}, with the model providers' settings (where they send their requests). */
    static Opened open(Backend backend, ProviderSettings providers) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "upgrade-data", UUID.randomUUID().toString()));
        String url = null;
        if (backend == Backend.H2) {
            copyDataDirectory(dir);
        } else {
            url = Postgres.newDatabaseUrl();
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("2").load().migrate();
            loadRows(url);
        }
        PlatformConfig config = PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dir).rateLimit(0)
                .databaseUrl(url).bootstrapApiKey(API_KEY).masterKey(MASTER_KEY)
                .providerSettings(providers).build();
        LocalPlatform platform = LocalPlatform.start(config);
        return new Opened(platform, PerstackClient.builder().apiKey(API_KEY).baseUrl(platform.baseUrl()).build());
    }

    private static void copyDataDirectory(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(TurnOneStore.class.getResource("/upgrade/turn-one-store/perstack.mv.db").toURI()).getParent();
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Inserts every exported row, table by table in the exported order (parents before children). */
    private static void loadRows(String url) throws IOException, SQLException {
        JsonNode tables;
        try (InputStream in = TurnOneStore.class.getResourceAsStream("/upgrade/turn-one-rows.json")) {
            tables = new ObjectMapper().readTree(in);
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            for (Iterator<Map.Entry<String, JsonNode>> it = tables.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> table = it.next();
                for (JsonNode row : table.getValue()) {
                    insert(c, table.getKey(), row);
                }
            }
            c.commit();
        }
    }

    private static void insert(Connection c, String table, JsonNode row) throws SQLException {
        List<String> columns = new ArrayList<>();
        row.fieldNames().forEachRemaining(columns::add);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(col -> "?").toList()) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                bind(s, i + 1, columns.get(i), row.get(columns.get(i)));
            }
            s.executeUpdate();
        }
    }

    /** Binds one exported value: the export writes timestamps as ISO instants and binary values as base64. */
    private static void bind(PreparedStatement s, int index, String column, JsonNode value) throws SQLException {
        if (value.isNull()) {
            s.setNull(index, Types.NULL);
        } else if (value.isBoolean()) {
            s.setBoolean(index, value.booleanValue());
        } else if (value.isIntegralNumber()) {
            s.setLong(index, value.longValue());
        } else if (column.equals("sealed_value")) {
            s.setBytes(index, Base64.getDecoder().decode(value.asText()));
        } else if (column.endsWith("_at") || column.equals("lease_until")) {
            s.setObject(index, OffsetDateTime.ofInstant(Instant.parse(value.asText()), ZoneOffset.UTC));
        } else {
            s.setString(index, value.asText());
        }
    }
}
