package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.WorkspaceFile;
import ai.perstack.examples.ScriptedChatServer.Call;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.providers.ProviderSettings;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's example, run for real: the expert of {@code mcp-tools/perstack.toml} (the built-in
 * {@code @perstack/base} plus {@code @modelcontextprotocol/server-everything} from npm) on a local
 * platform whose {@code openai} provider calls an OpenAI-compatible server on 127.0.0.1 that
 * answers with tool calls. Skipped, saying so, when {@code npx} is not on the PATH.
 */
class McpToolsExpertTest {
    private static final String EVERYTHING = "@modelcontextprotocol/server-everything";
    private static final Path TOML = Path.of("mcp-tools", "perstack.toml");
    private static final String NOTE = "# Hello\n\nEcho: hello from the note-taker\n\n2 + 3 = 5\n";
    private static final String FINAL = "Wrote notes/hello.md with the echoed greeting and 2 + 3 = 5.";

    @TempDir
    Path dataDir;

    @Test
    void theReadmeShowsTheExamplesPerstackTomlAsItIs() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).contains(Files.readString(TOML));
    }

    @Test
    void theExpertRunsBaseAndNpmToolsOnAnOpenAiCompatibleModelAndLeavesNoProcess() throws Exception {
        assumeTrue(Npx.onPath(), "npx is not on the PATH: the example's MCP server comes from npm; install Node.js to run it");
        // The first run downloads the package; a job's skill gets a shorter time to connect.
        Npx.prewarm(EVERYTHING, Duration.ofMinutes(4));
        List<Function<Set<String>, List<Call>>> turns = List.of(
                offered -> List.of(new Call("todo", "{\"newTodos\":[\"Write the note\",\"Check the sum\"]}")),
                offered -> List.of(
                        new Call("echo", "{\"message\":\"hello from the note-taker\"}"),
                        new Call(sumTool(offered), "{\"a\":2,\"b\":3}")),
                offered -> List.of(new Call("writeTextFile", "{\"path\":\"notes/hello.md\",\"text\":" + quoted(NOTE) + "}")),
                offered -> List.of(new Call("todo", "{\"completedTodos\":[0,1]}")),
                offered -> List.of(new Call("attemptCompletion", "{}")));
        try (ScriptedChatServer model = new ScriptedChatServer(turns, FINAL);
             LocalPlatform platform = LocalPlatform.start(PlatformConfig.builder().port(0).dataDir(dataDir)
                     .providerSettings(ProviderSettings.defaults().withOpenAiBaseUrl(model.baseUrl())).build());
             PerstackClient client = PerstackClient.builder().apiKey(platform.bootstrapApiKey())
                     .baseUrl(platform.baseUrl()).build()) {
            PrintStream console = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Job job;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                job = McpToolsExpert.run(client, TOML, McpToolsExpert.QUERY);
            } finally {
                System.setOut(console);
                console.print(printed.toString(StandardCharsets.UTF_8));
            }
            assertThat(job.status().value()).as("job %s, error %s", job.id(), job.error()).isEqualTo("completed");
            assertThat(job.result()).contains(FINAL);

            List<Activity> activities = new ArrayList<>();
            for (Checkpoint c : client.jobs().checkpoints().listAll(job.id())) {
                activities.addAll(c.activities().isEmpty() ? List.of(c.activity()) : c.activities());
            }
            assertThat(activities).filteredOn(a -> a instanceof Activity.Todo).map(a -> (Activity.Todo) a)
                    .anySatisfy(t -> assertThat(t.newTodos()).contains(List.of("Write the note", "Check the sum")))
                    .anySatisfy(t -> assertThat(t.todos()).hasSize(2).allMatch(Activity.TodoItem::completed));
            assertThat(activities).filteredOn(a -> a instanceof Activity.GeneralTool).map(a -> (Activity.GeneralTool) a)
                    .anySatisfy(g -> {
                        assertThat(g.skillName()).isEqualTo("everything");
                        assertThat(g.toolName()).isEqualTo("echo");
                        assertThat(g.args().path("message").asText()).isEqualTo("hello from the note-taker");
                        assertThat(firstText(g)).isEqualTo("Echo: hello from the note-taker");
                        assertThat(g.error()).isEmpty();
                    })
                    .anySatisfy(g -> {
                        assertThat(g.skillName()).isEqualTo("everything");
                        assertThat(g.toolName()).isIn("get-sum", "add");
                        assertThat(firstText(g)).contains("5");
                        assertThat(g.error()).isEmpty();
                    });
            assertThat(activities).filteredOn(a -> a instanceof Activity.WriteTextFile).map(a -> (Activity.WriteTextFile) a)
                    .singleElement().satisfies(w -> {
                        assertThat(w.path()).isEqualTo("notes/hello.md");
                        assertThat(w.text()).isEqualTo(NOTE);
                        assertThat(w.error()).isEmpty();
                    });
            assertThat(activities).filteredOn(a -> a instanceof Activity.AttemptCompletion)
                    .map(a -> (Activity.AttemptCompletion) a)
                    .singleElement().satisfies(a -> {
                        assertThat(a.error()).isEmpty();
                        assertThat(a.remainingTodos().orElse(List.of())).isEmpty();
                    });
            assertThat(activities).last().isInstanceOfSatisfying(Activity.Complete.class,
                    c -> assertThat(c.text()).isEqualTo(FINAL));

            // The model got every result back as the tool's answer to its call.
            List<String> toolResults = new ArrayList<>();
            for (JsonNode request : model.requests()) {
                request.path("messages").forEach(m -> {
                    if ("tool".equals(m.path("role").asText())) {
                        toolResults.add(m.path("content").asText());
                    }
                });
            }
            assertThat(toolResults).anyMatch(r -> r.equals("Echo: hello from the note-taker"))
                    .anyMatch(r -> r.contains("notes/hello.md"));

            List<WorkspaceFile> files = client.jobs().workspace().list(job.id()).orElseThrow().files();
            assertThat(files).anySatisfy(f -> {
                assertThat(f.path()).isEqualTo("notes/hello.md");
                assertThat(f.size()).isEqualTo(NOTE.getBytes(StandardCharsets.UTF_8).length);
            });
            byte[] downloaded = client.jobs().workspace().download(job.id(), "notes/hello.md").orElseThrow();
            assertThat(new String(downloaded, StandardCharsets.UTF_8)).isEqualTo(NOTE);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("ended: completed", "everything echo", "workspace file notes/hello.md", "2 + 3 = 5");

            // The job's skill sessions close when it ends: no MCP server, and no npx, outlives it.
            assertThat(Npx.awaitNone("server-everything", Duration.ofSeconds(30))).as("server-everything processes left").isZero();
            assertThat(Npx.awaitNone("npx", Duration.ofSeconds(10))).as("npx processes left").isZero();
        }
    }

    /** The reference server's adding tool: {@code get-sum} in its current releases, {@code add} in older ones. */
    private static String sumTool(Set<String> offered) {
        return offered.contains("get-sum") ? "get-sum" : "add";
    }

    private static String firstText(Activity.GeneralTool g) {
        return g.result().map(r -> r.path(0).path("text").asText()).orElse("");
    }

    private static String quoted(String text) {
        return new com.fasterxml.jackson.databind.node.TextNode(text).toString();
    }
}
