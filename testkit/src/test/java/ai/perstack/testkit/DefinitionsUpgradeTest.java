package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.UpdateDraftInput;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.store.Database;
import ai.perstack.server.testing.Postgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the first release (schema at V2, expert rows exactly as its registry wrote
 * them: skill types {@code interactive}/{@code mcpStdio}/{@code mcpSse}, object input schemas,
 * display names) is opened by the current server, which migrates it, and everything is read back
 * through the real client in core's shapes; the migrated draft is valid under today's rules.
 */
class DefinitionsUpgradeTest {
    private static final String ORG = "upgraded";
    private static final String SCOPE = "@" + ORG + "/writer";
    /** What the first release's registry stored for a definition: its canonical form, compact JSON. */
    private static final String TURN_ONE_EXPERTS = "[{\"key\":\"main\",\"name\":\"Release Writer\",\"description\":\"Writes notes\","
            + "\"instruction\":\"Write release notes.\",\"skills\":{"
            + "\"ask\":{\"type\":\"interactive\",\"description\":\"Ask the user\",\"tools\":{\"askUser\":{\"description\":\"Ask one question\","
            + "\"inputJsonSchema\":{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}},\"required\":[\"question\"]}}}},"
            + "\"fs\":{\"type\":\"mcpStdio\",\"command\":\"npx\",\"packageName\":\"@acme/fs-mcp\",\"requiredEnv\":[\"FS_ROOT\"]},"
            + "\"search\":{\"type\":\"mcpSse\",\"endpoint\":\"https://mcp.example.com/sse\",\"lazyInit\":true}},"
            + "\"delegates\":[\"summarizer\"]},"
            + "{\"key\":\"summarizer\",\"name\":\"Summarizer\",\"description\":\"\",\"instruction\":\"Summarize.\",\"skills\":{},\"delegates\":[]}]";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aStoreOfTheFirstReleaseIsReadBackInCoreShapes(String backend) throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "upgrade-data", backend + "-" + System.nanoTime()));
        String url = backend.equals("h2") ? Database.h2Url(dataDir) : Postgres.newDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            writeTurnOneRows(c);
        }

        PlatformConfig config = PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir)
                .databaseUrl(backend.equals("h2") ? null : url).build();
        try (LocalPlatform platform = LocalPlatform.start(config);
             PerstackClient client = PerstackClient.builder().apiKey(platform.createApiKey(ORG)).baseUrl(platform.baseUrl()).build()) {
            ExpertDefinition version = client.experts().get(SCOPE + "@1.0.0").orElseThrow().data().definition();
            assertThat(version.tags()).containsExactly("latest");
            assertCoreShapes(version.experts());
            assertThat(client.experts().get(SCOPE).orElseThrow().data().definition().version()).isEqualTo("1.0.0");

            ExpertDraft draft = client.experts().drafts().get(SCOPE, "draftupgrade000000000001").orElseThrow().data().draft();
            assertCoreShapes(draft.experts());
            // What was migrated passes today's validation unchanged, and a new version can be made of it.
            ExpertDraft updated = client.experts().drafts().update(SCOPE, draft.id(), UpdateDraftInput.of(draft.experts()))
                    .orElseThrow().data().draft();
            assertThat(json(updated.experts())).isEqualTo(json(draft.experts()));
            client.experts().drafts().assignVersion(SCOPE, draft.id(), AssignVersionInput.of("1.1.0")).orElseThrow();
            assertThat(json(client.experts().get(SCOPE).orElseThrow().data().definition().experts()))
                    .isEqualTo(json(draft.experts()));
        }
    }

    private static void assertCoreShapes(List<Expert> experts) {
        assertThat(experts).extracting(Expert::key).containsExactly("main", "summarizer");
        Expert main = experts.get(0);
        assertThat(main.name()).isEqualTo("release-writer");
        assertThat(main.tags()).isEmpty();
        assertThat(main.delegates()).containsExactly("summarizer");
        assertThat(main.skills().keySet()).containsExactly("ask", "fs", "search");
        Skill.Interactive ask = (Skill.Interactive) main.skills().get("ask");
        assertThat(ask.type()).isEqualTo("interactiveSkill");
        assertThat(ask.tools().get("askUser").inputJsonSchemaNode())
                .isEqualTo(new ObjectMapper().createObjectNode().put("type", "object")
                        .<com.fasterxml.jackson.databind.node.ObjectNode>set("properties", new ObjectMapper().createObjectNode()
                                .set("question", new ObjectMapper().createObjectNode().put("type", "string")))
                        .set("required", new ObjectMapper().createArrayNode().add("question")));
        Skill.McpStdio fs = (Skill.McpStdio) main.skills().get("fs");
        assertThat(fs.packageName()).contains("@acme/fs-mcp");
        assertThat(fs.requiredEnv()).containsExactly("FS_ROOT");
        assertThat(fs.args()).isEmpty();
        assertThat(fs.lazyInit()).isFalse();
        Skill.McpSse search = (Skill.McpSse) main.skills().get("search");
        assertThat(search.endpoint()).isEqualTo("https://mcp.example.com/sse");
        assertThat(search.toJson("search").has("lazyInit")).isFalse();
        Expert summarizer = experts.get(1);
        assertThat(summarizer.name()).isEqualTo("summarizer");
        assertThat(summarizer.description()).isEmpty();
        assertThat(summarizer.skills()).as("stored as no skills; the base default is for absent skills only").isEmpty();
    }

    private static List<String> json(List<Expert> experts) {
        return experts.stream().map(e -> e.toJson().toString()).toList();
    }

    /** The rows the first release wrote for an organization with one scope, one draft and version 1.0.0 tagged latest. */
    private static void writeTurnOneRows(Connection c) throws Exception {
        Timestamp now = Timestamp.from(Instant.parse("2026-11-01T10:00:00Z"));
        exec(c, "INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)", "orgupgrade00000000000001", ORG, now);
        exec(c, "INSERT INTO expert_scopes (id, organization_id, scope_name, description, category, visibility, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "scopeupgrade000000000001", "orgupgrade00000000000001", SCOPE,
                "Writes release notes", "writing", "private", now, now);
        exec(c, "INSERT INTO expert_drafts (id, scope_id, application_id, experts_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                "draftupgrade000000000001", "scopeupgrade000000000001", "appupgrade00000000000001", TURN_ONE_EXPERTS, now, now);
        exec(c, "INSERT INTO expert_versions (scope_id, version, experts_json, yanked, created_at) VALUES (?, ?, ?, ?, ?)",
                "scopeupgrade000000000001", "1.0.0", TURN_ONE_EXPERTS, false, now);
        exec(c, "INSERT INTO expert_tags (scope_id, tag, version, assigned_at) VALUES (?, ?, ?, ?)",
                "scopeupgrade000000000001", "latest", "1.0.0", now);
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void exec(Connection c, String sql, Object... values) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
