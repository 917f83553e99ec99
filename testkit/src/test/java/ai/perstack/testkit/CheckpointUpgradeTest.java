package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.ListCheckpointsParams;
import ai.perstack.client.jobs.ReasoningBudget;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.store.Database;
import ai.perstack.server.testing.Postgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the first server (schema V2, checkpoints in its shapes) is upgraded when
 * the new server starts on it, and the real client reads every checkpoint back in core's shapes.
 * The store is built the way the first server left it: Flyway up to V2, then the rows exactly as
 * its job runtime wrote them ({@code upgrade/turn-one-jobs.json}: the first server's
 * {@code CheckpointJson} output for a delegating job with todos, an interactive stop after a
 * retry, and a job stopped by error).
 */
class CheckpointUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "psk_upgrade-test-key-0123456789";
    private static final String ORG_ID = "orgturnone00000000000001";

    /** The two stores the server runs on. */
    enum Backend { H2, POSTGRES }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theNewServerReadsTheFirstServersCheckpointsInCoreShapes(Backend backend) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()));
        String url = backend == Backend.POSTGRES ? Postgres.newDatabaseUrl() : Database.h2Url(dir);
        JsonNode fixture;
        try (InputStream in = CheckpointUpgradeTest.class.getResourceAsStream("/upgrade/turn-one-jobs.json")) {
            fixture = JSON.readTree(in);
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            writeAsTheFirstServerDid(c, fixture);
        }

        PlatformConfig config = PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dir).rateLimit(0)
                .databaseUrl(backend == Backend.POSTGRES ? url : null).bootstrapApiKey(KEY).build();
        try (LocalPlatform platform = LocalPlatform.start(config);
             PerstackClient client = PerstackClient.builder().apiKey(KEY).baseUrl(platform.baseUrl()).build()) {
            delegatingJob(client, "jobturnone000000000000aa");
            interactiveJob(client, "jobturnone000000000000bb");
            failedJob(client, "jobturnone000000000000cc");
        }
    }

    private static void delegatingJob(PerstackClient client, String jobId) {
        Job job = client.jobs().get(jobId).orElseThrow().data().job();
        assertThat(job.reasoningBudget()).isEqualTo(ReasoningBudget.MEDIUM);
        assertThat(job.result()).contains("Done: Write a report");
        List<Checkpoint> cps = checkpoints(client, jobId);
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "todo", "generalTool",
                "delegate", "query", "generalTool", "complete", "delegationComplete", "complete");
        assertThat(cps).extracting(Checkpoint::stepNumber).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        // Usage becomes the running total; the last equals the job's.
        assertThat(cps).extracting(c -> c.usage().inputTokens()).containsExactly(14L, 28L, 42L, 56L, 60L, 64L, 68L, 68L, 82L);
        assertThat(cps.get(8).usage().totalTokens()).isEqualTo(job.usage().totalTokens());

        Activity.Todo todo = (Activity.Todo) cps.get(1).activity();
        assertThat(todo.todos()).extracting(Activity.TodoItem::id).containsExactly(0L, 1L);
        assertThat(todo.todos()).extracting(Activity.TodoItem::title).containsExactly("A", "B");
        Activity.GeneralTool work = (Activity.GeneralTool) cps.get(2).activity();
        assertThat(work.result().orElseThrow().get(0).get("text").asText()).isEqualTo("Working on: Write a report");
        assertThat(work.common().previousActivityId()).contains(todo.id());

        Checkpoint delegating = cps.get(3);
        Activity.Delegate delegate = (Activity.Delegate) delegating.activity();
        assertThat(delegate.delegateExpertKey()).isEqualTo("helper");
        assertThat(delegate.query()).isEqualTo("Check the facts");
        assertThat(delegating.delegateTo()).singleElement().satisfies(t -> {
            assertThat(t.expert().key()).isEqualTo("helper");
            assertThat(t.expert().name()).isEqualTo("Checker");
            assertThat(t.query()).isEqualTo("Check the facts");
        });
        for (Checkpoint child : cps.subList(4, 7)) {
            assertThat(child.delegatedBy()).hasValueSatisfying(by -> {
                assertThat(by.checkpointId()).isEqualTo(delegating.id());
                assertThat(by.runId()).isEqualTo(delegating.runId());
                assertThat(by.toolCallId()).isEqualTo(delegating.delegateTo().get(0).toolCallId());
            });
            assertThat(child.activity().common().delegatedBy()).hasValueSatisfying(by -> assertThat(by.expertKey()).isEqualTo("main"));
        }
        Activity.DelegationComplete back = (Activity.DelegationComplete) cps.get(7).activity();
        assertThat(back.count()).isEqualTo(1);
        assertThat(back.common().previousActivityId()).contains(delegate.id());
        assertThat(cps.get(7).delegatedBy()).isEmpty();
        assertThat(((Activity.Complete) cps.get(6).activity()).text()).isEqualTo("Done: Check the facts");
    }

    private static void interactiveJob(PerstackClient client, String jobId) {
        List<Checkpoint> cps = checkpoints(client, jobId);
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "retry", "generalTool", "interactiveTool");
        assertThat(cps).extracting(Checkpoint::retryCount).containsExactly(0L, 1L, 0L, 0L);
        Activity.InteractiveTool ask = (Activity.InteractiveTool) cps.get(3).activity();
        assertThat(ask.toolName()).isEqualTo("askUser");
        assertThat(ask.args().get("question").asText()).isEqualTo("Ship it?");
        assertThat(ask.json().has("toolCallId")).isFalse();
        assertThat(cps.get(3).pendingToolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_turnone0000000000b004");
            assertThat(call.skillName()).isEqualTo("ask");
        });
    }

    private static void failedJob(PerstackClient client, String jobId) {
        Job job = client.jobs().get(jobId).orElseThrow().data().job();
        assertThat(job.reasoningBudget()).isEqualTo(ReasoningBudget.HIGH);
        List<Checkpoint> cps = checkpoints(client, jobId);
        assertThat(cps).extracting(c -> c.activity().type()).containsExactly("query", "retry", "error");
        Activity.Error error = (Activity.Error) cps.get(2).activity();
        assertThat(error.errorName()).contains("MockProviderError");
        assertThat(cps.get(2).error()).hasValueSatisfying(e -> assertThat(e.name()).isEqualTo("MockProviderError"));
        assertThat(cps).extracting(Checkpoint::retryCount).containsExactly(0L, 1L, 1L);
    }

    private static List<Checkpoint> checkpoints(PerstackClient client, String jobId) {
        return client.jobs().checkpoints().list(jobId, ListCheckpointsParams.builder().take(100).build())
                .orElseThrow().data().checkpoints();
    }

    /** The rows the first server's stores wrote: an organization, its jobs (schema V2) and their checkpoints. */
    private static void writeAsTheFirstServerDid(Connection c, JsonNode fixture) throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-30T10:00:00Z");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)")) {
            s.setString(1, ORG_ID);
            s.setString(2, LocalPlatform.BOOTSTRAP_ORGANIZATION);
            s.setObject(3, at);
            s.executeUpdate();
        }
        String insertJob = "INSERT INTO jobs (id, organization_id, application_id, expert_key, resolved_expert_key, "
                + "definition_json, status, query, files_json, provider, model, reasoning_budget, max_steps, max_retries, "
                + "total_steps, input_tokens, output_tokens, reasoning_tokens, cached_input_tokens, result, error_name, "
                + "error_message, error_retryable, state_json, last_sequence, claimed_by, lease_until, created_at, "
                + "started_at, finished_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)";
        for (JsonNode job : fixture.get("jobs")) {
            JsonNode cps = job.get("checkpoints");
            long input = 0;
            long output = 0;
            for (JsonNode cp : cps) {
                input += cp.get("usage").get("inputTokens").asLong();
                output += cp.get("usage").get("outputTokens").asLong();
            }
            JsonNode error = job.get("error");
            try (PreparedStatement s = c.prepareStatement(insertJob)) {
                int i = 0;
                s.setString(++i, job.get("id").asText());
                s.setString(++i, ORG_ID);
                s.setString(++i, "appturnone00000000000001");
                s.setString(++i, "@local/writer");
                s.setString(++i, "@local/writer@1.0.0");
                s.setString(++i, fixture.get("definition").toString());
                s.setString(++i, job.get("status").asText());
                s.setString(++i, job.get("query").asText());
                s.setString(++i, "[]");
                s.setString(++i, "mock");
                s.setString(++i, null);
                s.setString(++i, job.get("reasoningBudget").asText());
                s.setInt(++i, 100);
                s.setInt(++i, job.get("id").asText().endsWith("cc") ? 1 : 5);
                s.setInt(++i, cps.size());
                s.setLong(++i, input);
                s.setLong(++i, output);
                s.setLong(++i, 0);
                s.setLong(++i, 0);
                s.setString(++i, job.get("result").isNull() ? null : job.get("result").asText());
                s.setString(++i, error == null ? null : error.get("name").asText());
                s.setString(++i, error == null ? null : error.get("message").asText());
                s.setObject(++i, error == null ? null : error.get("isRetryable").asBoolean());
                s.setString(++i, job.get("state").toString());
                s.setInt(++i, cps.size());
                s.setObject(++i, at);
                s.setObject(++i, at);
                s.setObject(++i, "running".equals(job.get("status").asText()) ? null : at.plusSeconds(cps.size()));
                s.setObject(++i, at.plusSeconds(cps.size()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO checkpoints (id, job_id, sequence, body_json, created_at) VALUES (?, ?, ?, ?, ?)")) {
                for (JsonNode cp : cps) {
                    s.setString(1, cp.get("id").asText());
                    s.setString(2, job.get("id").asText());
                    s.setInt(3, cp.get("sequence").asInt());
                    s.setString(4, cp.toString());
                    s.setObject(5, at.plusSeconds(cp.get("sequence").asLong()));
                    s.executeUpdate();
                }
            }
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
