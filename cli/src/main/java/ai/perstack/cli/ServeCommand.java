package ai.perstack.cli;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.workspaces.FileLimits;
import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.security.KeyFiles;
import ai.perstack.server.skills.StdioPolicy;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code perstack serve}: runs the local platform until Ctrl-C or SIGTERM, then drains and exits. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the local Perstack platform until Ctrl-C.",
                "On first start it creates organization 'local' and prints its API key once (also saved to DATA_DIR/api-key)."},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack serve",
                "  perstack serve --port 0 --data-dir /tmp/perstack",
                "  perstack serve --host 0.0.0.0 --stdio-skills npx,uvx",
                "  perstack serve --database-url 'jdbc:postgresql://localhost:5432/perstack?user=me&password=secret'",
                "",
                "Environment: PERSTACK_DATABASE_URL, PERSTACK_BOOTSTRAP_API_KEY (use this key instead of generating one),",
                "PERSTACK_MASTER_KEY (base64, 32 bytes; encrypts secrets; default: DATA_DIR/master.key),",
                "OPENAI_BASE_URL, ANTHROPIC_BASE_URL, DEEPSEEK_BASE_URL, OLLAMA_BASE_URL, GOOGLE_GENERATIVE_AI_BASE_URL",
                "(where model calls go; the flags win)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--data-dir", defaultValue = ".perstack", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database-url", description = "jdbc:postgresql://… (default: env PERSTACK_DATABASE_URL, else H2 in the data directory).")
    String databaseUrl;

    @Option(names = "--rate-limit", defaultValue = "0", description = "Requests per second per API key (default: 0 = off).")
    int rateLimit;

    @Option(names = "--openai-base-url", description = "Where the openai provider calls, e.g. http://127.0.0.1:8000/v1 "
            + "for vLLM (default: env OPENAI_BASE_URL, else https://api.openai.com/v1).")
    String openAiBaseUrl;

    @Option(names = "--anthropic-base-url", description = "Where the anthropic provider calls "
            + "(default: env ANTHROPIC_BASE_URL, else https://api.anthropic.com).")
    String anthropicBaseUrl;

    @Option(names = "--deepseek-base-url", description = "Where the deepseek provider calls "
            + "(default: env DEEPSEEK_BASE_URL, else https://api.deepseek.com/v1).")
    String deepSeekBaseUrl;

    @Option(names = "--ollama-base-url", description = "The Ollama server of the ollama provider, as core's OLLAMA_BASE_URL "
            + "(its /api or the bare server; calls go to its /v1) (default: env OLLAMA_BASE_URL, else http://127.0.0.1:11434).")
    String ollamaBaseUrl;

    @Option(names = "--google-base-url", description = "The Gemini API of the google provider, as core's "
            + "GOOGLE_GENERATIVE_AI_BASE_URL (calls go to its /openai endpoint) (default: env GOOGLE_GENERATIVE_AI_BASE_URL, "
            + "else https://generativelanguage.googleapis.com/v1beta).")
    String googleBaseUrl;

    @Option(names = "--workers", defaultValue = "4", description = "Jobs this process runs at once, 1..256 (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--stdio-skills", paramLabel = "none|any|CMD[,CMD...]",
            description = {"Which stdio MCP skills may start processes on this host: none, any, or only these commands",
                    "(default: any when --host is a loopback address, none otherwise). The built-in @perstack/base",
                    "is always allowed."})
    String stdioSkills;

    @Option(names = "--workspaces-dir", description = "Where jobs' workspaces live (default: DATA_DIR/workspaces; "
            + "share it between processes on one PostgreSQL).")
    Path workspacesDir;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "64M",
            description = "The largest file one upload may carry (default: ${DEFAULT-VALUE}; K, M, G are powers of 1024).")
    String maxFileSize;

    @Option(names = "--max-workspace-size", paramLabel = "SIZE", defaultValue = "1G",
            description = "The most a job's workspace may hold once an upload lands in it (default: ${DEFAULT-VALUE}).")
    String maxWorkspaceSize;

    @Option(names = "--max-staged-size", paramLabel = "SIZE", defaultValue = "1G",
            description = "The most an organization's staged uploads (not yet handed to a job) may add up to (default: ${DEFAULT-VALUE}).")
    String maxStagedSize;

    @Option(names = "--allow-loopback-mcp", description = "Let mcpSseSkill endpoints be plain http on localhost, "
            + "127.x.x.x or [::1] (local development; core allows only public https).")
    boolean allowLoopbackMcp;

    @Override
    public Integer call() throws InterruptedException {
        Io io = PerstackCli.io(spec);
        String envKey = io.getenv("PERSTACK_BOOTSTRAP_API_KEY");
        String masterKey = io.getenv("PERSTACK_MASTER_KEY");
        PlatformConfig config = PlatformConfig.builder().host(host).port(port).dataDir(dataDir)
                .databaseUrl(databaseUrl != null ? databaseUrl : io.getenv("PERSTACK_DATABASE_URL"))
                .bootstrapApiKey(envKey)
                .masterKey(masterKey == null || masterKey.isBlank() ? null : KeyFiles.decodeMasterKey(masterKey))
                .rateLimit(rateLimit)
                .workers(workers)
                .stdioPolicy(stdioPolicy(stdioSkills))
                .workspacesDir(workspacesDir)
                .allowLoopbackMcp(allowLoopbackMcp)
                .fileLimits(fileLimits())
                .providerSettings(ProviderSettings.defaults().withBaseUrlsFrom(io::getenv)
                        .withOpenAiBaseUrl(openAiBaseUrl)
                        .withAnthropicBaseUrl(anthropicBaseUrl)
                        .withDeepSeekBaseUrl(deepSeekBaseUrl)
                        .withOllamaBaseUrl(ollamaBaseUrl)
                        .withGoogleBaseUrl(googleBaseUrl))
                .build();
        LocalPlatform platform = LocalPlatform.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            io.err().println("Stopping: draining requests…");
            platform.close();
            stopped.countDown();
        }, "perstack-shutdown"));
        if (platform.bootstrapApiKey() != null && (envKey == null || envKey.isBlank())) {
            io.out().println("Created organization 'local' with API key " + platform.bootstrapApiKey());
            io.out().println("(saved to " + dataDir.resolve("api-key") + "; it is not shown again)");
            io.out().println("Perstack local platform listening on " + platform.baseUrl());
            io.out().println("Console (signed in): " + platform.consoleUrl(platform.bootstrapApiKey()));
        } else {
            io.out().println("Perstack local platform listening on " + platform.baseUrl());
            io.out().println("Console: " + platform.consoleUrl(null) + "  (sign in with "
                    + (envKey != null && !envKey.isBlank() ? "PERSTACK_BOOTSTRAP_API_KEY" : "the key in " + dataDir.resolve("api-key")) + ")");
        }
        io.out().flush();
        stopped.await();
        return 0;
    }

    /** The upload limits the size options give; the others keep their defaults. */
    FileLimits fileLimits() {
        FileLimits d = FileLimits.DEFAULT;
        return new FileLimits(Sizes.parse("--max-file-size", maxFileSize),
                Sizes.parse("--max-workspace-size", maxWorkspaceSize), Sizes.parse("--max-staged-size", maxStagedSize),
                d.maxStagedFiles(), d.maxUploadsPerCall(), d.stagedFor());
    }

    private StdioPolicy stdioPolicy(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip()) {
            case "none" -> StdioPolicy.NONE;
            case "any" -> StdioPolicy.ANY;
            default -> {
                List<String> commands = Arrays.stream(value.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
                if (commands.isEmpty()) {
                    throw new ParameterException(spec.commandLine(),
                            "--stdio-skills must be none, any, or a comma-separated list of commands");
                }
                yield StdioPolicy.only(commands);
            }
        };
    }
}
