package ai.perstack.examples;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.config.PerstackConfig;
import ai.perstack.client.config.PerstackToml;
import ai.perstack.client.config.TomlDefinition;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.jobs.WorkspaceFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the expert of {@code mcp-tools/perstack.toml}: Perstack's base tools plus the MCP reference
 * server {@code @modelcontextprotocol/server-everything} from npm, on an OpenAI-compatible model.
 * The platform calls the model where {@code OPENAI_BASE_URL} points (Ollama, vLLM, LM Studio, or
 * OpenAI itself with {@code OPENAI_API_KEY}); Node's {@code npx} must be on the PATH.
 *
 * <pre>
 * OPENAI_BASE_URL=http://127.0.0.1:11434/v1 ../mvnw -q -f pom.xml compile exec:java \
 *     -Dexec.mainClass=ai.perstack.examples.McpToolsExpert -Dexec.args="mcp-tools/perstack.toml"
 * </pre>
 */
public final class McpToolsExpert {
    /** The expert of the file this example runs. */
    public static final String EXPERT = "note-taker";
    /** What it is asked to do. */
    public static final String QUERY = "Write notes/hello.md: a greeting echoed by the everything server and the sum of 2 and 3.";

    private McpToolsExpert() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "mcp-tools/perstack.toml");
        try (ExamplePlatform platform = ExamplePlatform.connect()) {
            Job job = run(platform.client(), file, args.length > 1 ? args[1] : QUERY);
            if (!"completed".equals(job.status().value())) {
                System.exit(3);
            }
        }
    }

    /**
     * Publishes the file's expert, runs a job on it to the end while printing each checkpoint,
     * then lists and prints what the job wrote into its workspace.
     *
     * @return the job as it finally stopped
     */
    public static Job run(PerstackClient client, Path file, String query) {
        PerstackConfig config = PerstackToml.read(file);
        Application app = client.applications().create(CreateApplicationInput.builder().name("mcp-tools").build())
                .orElseThrow().data().application();
        TomlDefinition definition = TomlDefinition.of(config, EXPERT, ExamplePlatform.organization());
        String draftId = client.experts().drafts().create(definition.scopeName(), CreateDraftInput.builder()
                .applicationId(app.id()).experts(definition.experts()).build()).orElseThrow().data().draft().id();
        String version = definition.fileVersion();
        client.experts().drafts().assignVersion(definition.scopeName(), draftId, AssignVersionInput.of(version)).orElseThrow();

        StartJobInput.Builder start = StartJobInput.builder().applicationId(app.id())
                .expertKey(definition.scopeName() + "@" + version).query(query)
                .provider(config.provider().map(PerstackConfig.Provider::providerName).orElse(PerstackConfig.DEFAULT_PROVIDER));
        config.model().ifPresent(start::model);
        config.reasoningBudget().ifPresent(start::reasoningBudget);
        config.maxSteps().ifPresent(start::maxSteps);

        ApiResult<Job> result = client.jobs().session()
                .onCheckpoint(c -> System.out.println(c.sequence() + " " + c.status().value() + " " + describe(c.activity())))
                .build()
                .start(start.build());
        Job job = result.orElseThrow();
        System.out.println("job " + job.id() + " ended: " + job.status().value());
        job.result().ifPresent(r -> System.out.println("result: " + r));
        for (WorkspaceFile f : client.jobs().workspace().list(job.id()).orElseThrow().files()) {
            System.out.println("workspace file " + f.path() + " (" + f.size() + " bytes)");
            if (f.path().endsWith(".md")) {
                byte[] content = client.jobs().workspace().download(job.id(), f.path()).orElseThrow();
                System.out.println(new String(content, StandardCharsets.UTF_8).indent(2).stripTrailing());
            }
        }
        return job;
    }

    /** One line for a step: the tool and what it gave back. */
    static String describe(Activity activity) {
        if (activity instanceof Activity.WriteTextFile w) {
            return "writeTextFile " + w.path() + w.error().map(e -> " error " + e).orElse("");
        } else if (activity instanceof Activity.Todo t) {
            return "todo " + t.todos().stream().map(i -> (i.completed() ? "[x] " : "[ ] ") + i.title()).toList();
        } else if (activity instanceof Activity.GeneralTool g) {
            return g.skillName() + " " + g.toolName() + " " + g.args() + " -> "
                    + g.result().map(r -> r.path(0).path("text").asText()).orElse("") + g.error().map(e -> " error " + e).orElse("");
        } else if (activity instanceof Activity.Complete c) {
            return "complete: " + c.text();
        }
        return StreamCheckpoints.describe(activity);
    }
}
