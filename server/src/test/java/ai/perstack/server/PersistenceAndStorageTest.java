package ai.perstack.server;

import ai.perstack.server.store.Database;
import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Captured;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static ai.perstack.server.Experts.publishVersions;
import static org.assertj.core.api.Assertions.assertThat;

/** Restart persistence, bootstrap keys, and what is (not) stored in the database. */
class PersistenceAndStorageTest extends ApiTest {

    @Test
    void everythingSurvivesARestartOnTheSameStore() throws Exception {
        Path dir = Platforms.newDataDir();
        PlatformConfig config = Platforms.config(backend, dir, 0).build();
        String secret = Captured.secretValue();
        String appId;
        String key;
        try (LocalPlatform first = LocalPlatform.start(config)) {
            key = first.bootstrapApiKey();
            assertThat(key).isNotBlank();
            assertThat(Files.readString(dir.resolve("api-key")).trim()).isEqualTo(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("api-key")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key")))).isEqualTo("rw-------");
            Api api = new Api(first.baseUrl(), key, LocalPlatform.BOOTSTRAP_ORGANIZATION);
            appId = createApplication(api, "kept");
            expect(api.post("/api/v1/env/secrets", Map.of("name", "KEPT", "value", secret)), 201);
            expect(api.post("/api/v1/env/variables", Map.of("name", "VAR", "value", "v1")), 201);
            publishVersions(api, appId, "kept-expert", "1.0.0", "1.1.0");
            expect(api.post("/api/v1/experts/@local/kept-expert@1.1.0/yank", null), 200);
        }
        try (LocalPlatform second = LocalPlatform.start(config)) {
            assertThat(second.bootstrapApiKey()).as("no new key on a later start").isNull();
            Api api = new Api(second.baseUrl(), key, LocalPlatform.BOOTSTRAP_ORGANIZATION);
            assertThat(expect(api.get("/api/v1/applications/" + appId), 200).data("application").get("name").asText()).isEqualTo("kept");
            expect(api.get("/api/v1/env/secrets/KEPT"), 200);
            assertThat(api.get("/api/v1/env/variables/VAR").data("variable").get("value").asText()).isEqualTo("v1");
            Res def = expect(api.get("/api/v1/experts/@local/kept-expert"), 200);
            assertThat(def.data("definition").get("version").asText()).isEqualTo("1.0.0");
            assertThat(api.get("/api/v1/experts/@local/kept-expert@1.1.0").data("definition").get("yanked").asBoolean()).isTrue();
        }
    }

    @Test
    void givenBootstrapKeyIsInstalledForOrganizationLocal() {
        Path dir = Platforms.newDataDir();
        String key = "psk_given-bootstrap-key-0123456789";
        try (LocalPlatform platform = LocalPlatform.start(Platforms.config(backend, dir, 0).bootstrapApiKey(key).build())) {
            assertThat(platform.bootstrapApiKey()).isEqualTo(key);
            assertThat(Files.exists(dir.resolve("api-key"))).isFalse();
            expect(new Api(platform.baseUrl(), key, "local").get("/api/v1/applications"), 200);
            String other = platform.createApiKey("second-org");
            assertThat(other).isNotEqualTo(key);
            expect(new Api(platform.baseUrl(), other, "second-org").get("/api/v1/applications"), 200);
        }
    }

    @Test
    void databaseHoldsNoSecretPlaintextAndNoRawKeys() throws Exception {
        Path dir = Platforms.newDataDir();
        PlatformConfig config = Platforms.config(backend, dir, 0).build();
        String secret = Captured.secretValue();
        String key;
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            key = platform.bootstrapApiKey();
            Api api = new Api(platform.baseUrl(), key, "local");
            expect(api.post("/api/v1/env/secrets", Map.of("name", "RAW_CHECK", "value", secret)), 201);
            expect(api.send("POST", "/api/v1/env/secrets", Api.toJson(Map.of("name", "IDEM", "value", secret)),
                    "Idempotency-Key", "raw-check"), 201);
        }
        String url = config.databaseUrl() != null ? config.databaseUrl() : Database.h2Url(dir);
        List<String> cells = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : List.of("organizations", "api_keys", "applications", "env_entries", "expert_scopes",
                    "expert_drafts", "expert_versions", "expert_tags", "idempotency_records")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            int type = meta.getColumnType(i);
                            if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                                byte[] raw = rs.getBytes(i);
                                if (raw != null) {
                                    cells.add(new String(raw, StandardCharsets.ISO_8859_1));
                                }
                            } else if (rs.getString(i) != null) {
                                cells.add(rs.getString(i));
                            }
                        }
                    }
                }
            }
        }
        assertThat(cells).isNotEmpty();
        assertThat(String.join("\n", cells)).doesNotContain(secret).doesNotContain(key);
        if (config.databaseUrl() == null) {
            // the H2 file itself, byte for byte
            for (Path file : Files.list(dir).filter(p -> p.toString().endsWith(".db")).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(secret).doesNotContain(key);
            }
        }
    }
}
