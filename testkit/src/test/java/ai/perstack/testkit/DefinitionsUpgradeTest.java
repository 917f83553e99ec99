package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.env.Secret;
import ai.perstack.client.env.Variable;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertScope;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.ListDraftsParams;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.UpdateDraftInput;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.server.providers.ProviderSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization the previous release really wrote ({@link TurnOneStore}: applications, variables
 * and a secret, scope {@code @local/writer} with drafts, versions 1.0.0, 1.1.0 (tagged beta) and a
 * yanked 1.2.0, experts with every skill type it knew — {@code interactive} with an object input
 * schema, {@code mcpStdio}, {@code mcpSse} — and a delegate) is opened by the current server, which
 * migrates it, and everything is read back through the real client in core's shapes; a migrated
 * draft is valid under today's rules and becomes a new version.
 */
class DefinitionsUpgradeTest {
    private static final String SCOPE = "@local/writer";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TurnOneStore.Backend.class)
    void aStoreOfTheFirstReleaseIsReadBackInCoreShapes(TurnOneStore.Backend backend) throws Exception {
        HttpServer anthropic = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<String> sentKey = new CompletableFuture<>();
        anthropic.createContext("/v1/messages", exchange -> {
            sentKey.complete(exchange.getRequestHeaders().getFirst("x-api-key"));
            byte[] body = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"recorded\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        anthropic.start();
        ProviderSettings providers = ProviderSettings.defaults().withRetryDelays(Duration.ofMillis(10), Duration.ofMillis(10))
                .withAnthropicBaseUrl("http://127.0.0.1:" + anthropic.getAddress().getPort());
        try (TurnOneStore.Opened store = TurnOneStore.open(backend, providers)) {
            PerstackClient client = store.client();
            String appId = applications(client);
            environment(client);
            scopeVersionsAndTags(client);
            drafts(client);

            // The secret is still sealed with the store's master key: a job of the anthropic provider sends it.
            client.experts().drafts().assignVersion("@local/summarizer", onlyDraft(client, "@local/summarizer").id(),
                    AssignVersionInput.of("1.0.0")).orElseThrow();
            client.jobs().start(StartJobInput.builder().applicationId(appId).expertKey("@local/summarizer@1.0.0")
                    .provider("anthropic").query("Summarize the notes").build()).orElseThrow();
            assertThat(sentKey.get(60, TimeUnit.SECONDS)).isEqualTo("sk-ant-turn-one-fixture");
        } finally {
            anthropic.stop(0);
        }
    }

    /** The active application's id; the inactive one stays inactive. */
    private static String applications(PerstackClient client) {
        List<Application> apps = client.applications().list().orElseThrow().data().applications();
        assertThat(apps).extracting(Application::name).containsExactlyInAnyOrder("release-notes", "retired-app");
        Application active = apps.stream().filter(a -> a.name().equals("release-notes")).findFirst().orElseThrow();
        Application retired = apps.stream().filter(a -> a.name().equals("retired-app")).findFirst().orElseThrow();
        assertThat(active.status().value()).isEqualTo("active");
        assertThat(retired.status().value()).isEqualTo("inactive");
        return active.id();
    }

    private static void environment(PerstackClient client) {
        assertThat(client.env().variables().list().orElseThrow().data().variables())
                .extracting(Variable::name, Variable::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FS_ROOT", "/srv/notes"),
                        org.assertj.core.groups.Tuple.tuple("REPORT_STYLE", "terse"));
        List<Secret> secrets = client.env().secrets().list().orElseThrow().data().secrets();
        assertThat(secrets).extracting(Secret::name).containsExactly("ANTHROPIC_API_KEY");
        assertThat(secrets.get(0).json().toString()).doesNotContain("sk-ant-turn-one-fixture");
    }

    private static void scopeVersionsAndTags(PerstackClient client) {
        ExpertScope scope = client.experts().listAll().stream().filter(s -> s.scopeName().equals(SCOPE))
                .findFirst().orElseThrow();
        assertThat(scope.description()).contains("Writes release notes");
        assertThat(scope.category().value()).isEqualTo("writing");
        assertThat(scope.visibility().value()).isEqualTo("private");
        // 1.2.0 was yanked while it was latest, so latest went back to 1.1.0.
        assertThat(scope.latestVersion()).contains("1.1.0");
        assertThat(scope.tags()).containsEntry("latest", "1.1.0").containsEntry("beta", "1.1.0").hasSize(2);

        List<ExpertVersion> versions = client.experts().versions().list(SCOPE).orElseThrow().data().versions();
        assertThat(versions).extracting(ExpertVersion::version).containsExactlyInAnyOrder("1.0.0", "1.1.0", "1.2.0");
        assertThat(versions).filteredOn(ExpertVersion::yanked).extracting(ExpertVersion::version).containsExactly("1.2.0");
        assertThat(versions).filteredOn(v -> v.version().equals("1.1.0")).singleElement()
                .satisfies(v -> assertThat(v.tags()).containsExactlyInAnyOrder("latest", "beta"));

        ExpertDefinition first = client.experts().get(SCOPE + "@1.0.0").orElseThrow().data().definition();
        assertThat(first.tags()).isEmpty();
        assertThat(first.experts().get(0).instruction()).isEqualTo("Write release notes.");
        assertCoreShapes(first.experts());
        ExpertDefinition latest = client.experts().get(SCOPE).orElseThrow().data().definition();
        assertThat(latest.version()).isEqualTo("1.1.0");
        assertCoreShapes(latest.experts());
        assertThat(client.experts().get(SCOPE + "@beta").orElseThrow().data().definition().version()).isEqualTo("1.1.0");
    }

    private static void drafts(PerstackClient client) {
        List<ExpertDraft> drafts = client.experts().drafts().list(SCOPE, ListDraftsParams.of(100, 0))
                .orElseThrow().data().drafts();
        assertThat(drafts).hasSize(5);
        ExpertDraft unversioned = drafts.stream()
                .filter(d -> d.experts().get(0).instruction().equals("Write release notes (work in progress)."))
                .findFirst().orElseThrow();
        assertCoreShapes(unversioned.experts());
        ExpertDraft single = drafts.stream().filter(d -> d.experts().size() == 1).findFirst().orElseThrow();
        assertThat(single.experts().get(0).name()).isEqualTo("summarizer");
        assertThat(single.experts().get(0).skills()).as("stored as no skills; the base default is for absent skills only").isEmpty();

        // What was migrated passes today's validation unchanged, and a new version can be made of it.
        ExpertDraft updated = client.experts().drafts().update(SCOPE, unversioned.id(), UpdateDraftInput.of(unversioned.experts()))
                .orElseThrow().data().draft();
        assertThat(json(updated.experts())).isEqualTo(json(unversioned.experts()));
        client.experts().drafts().assignVersion(SCOPE, unversioned.id(), AssignVersionInput.of("1.3.0")).orElseThrow();
        assertThat(json(client.experts().get(SCOPE + "@1.3.0").orElseThrow().data().definition().experts()))
                .isEqualTo(json(unversioned.experts()));
    }

    private static ExpertDraft onlyDraft(PerstackClient client, String scope) {
        List<ExpertDraft> drafts = client.experts().drafts().list(scope).orElseThrow().data().drafts();
        assertThat(drafts).hasSize(1);
        return drafts.get(0);
    }

    private static void assertCoreShapes(List<Expert> experts) {
        assertThat(experts).extracting(Expert::key).containsExactly("main", "helper");
        Expert main = experts.get(0);
        assertThat(main.name()).isEqualTo("release-writer");
        assertThat(main.description()).contains("Writes release notes");
        assertThat(main.tags()).isEmpty();
        assertThat(main.delegates()).containsExactly("helper");
        assertThat(main.skills().keySet()).containsExactly("ask", "fs", "search");
        Skill.Interactive ask = (Skill.Interactive) main.skills().get("ask");
        assertThat(ask.type()).isEqualTo("interactiveSkill");
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.set("properties", JSON.createObjectNode().set("question", JSON.createObjectNode().put("type", "string")));
        schema.set("required", JSON.createArrayNode().add("question"));
        assertThat(ask.tools().get("askUser").inputJsonSchemaNode()).isEqualTo(schema);
        Skill.McpStdio fs = (Skill.McpStdio) main.skills().get("fs");
        assertThat(fs.packageName()).contains("@acme/fs-mcp");
        assertThat(fs.requiredEnv()).containsExactly("FS_ROOT");
        assertThat(fs.args()).isEmpty();
        assertThat(fs.lazyInit()).isFalse();
        Skill.McpSse search = (Skill.McpSse) main.skills().get("search");
        assertThat(search.endpoint()).isEqualTo("https://mcp.example.com/sse");
        assertThat(search.toJson("search").has("lazyInit")).isFalse();
        Expert helper = experts.get(1);
        assertThat(helper.name()).isEqualTo("checker");
        assertThat(helper.description()).as("the previous release stored an empty description").isEmpty();
        assertThat(helper.skills()).as("stored as no skills; the base default is for absent skills only").isEmpty();
    }

    private static List<String> json(List<Expert> experts) {
        return experts.stream().map(e -> e.toJson().toString()).toList();
    }
}
