package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.providers.ProviderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A platform started in this process for one command ({@code demo}, {@code run}) and a client of
 * it over real HTTP, as organization {@code local}. Without a data directory it works in a
 * temporary one, deleted on close.
 */
final class InProcessPlatform implements AutoCloseable {
    private final LocalPlatform platform;
    private final PerstackClient client;
    private final String apiKey;
    private final Path dir;
    private final boolean temporary;

    private InProcessPlatform(LocalPlatform platform, PerstackClient client, String apiKey, Path dir, boolean temporary) {
        this.platform = platform;
        this.client = client;
        this.apiKey = apiKey;
        this.dir = dir;
        this.temporary = temporary;
    }

    /**
     * Starts a platform on 127.0.0.1 with a free port; {@code dataDir} null means a temporary
     * directory. Its providers call where {@code io}'s {@code OPENAI_BASE_URL},
     * {@code ANTHROPIC_BASE_URL}, {@code DEEPSEEK_BASE_URL}, {@code OLLAMA_BASE_URL} and
     * {@code GOOGLE_GENERATIVE_AI_BASE_URL} point, as {@code serve}'s do.
     */
    static InProcessPlatform start(Path dataDir, Io io) throws IOException {
        quietPlatformLogs();
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("perstack-");
        LocalPlatform platform = null;
        try {
            // Whoever starts a platform in-process is its operator: model calls go where their
            // environment says, as for serve.
            ProviderSettings providers = ProviderSettings.defaults().withBaseUrlsFrom(io::getenv);
            platform = LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dir)
                    .providerSettings(providers).build());
            String key = platform.bootstrapApiKey() != null ? platform.bootstrapApiKey()
                    : platform.createApiKey(LocalPlatform.BOOTSTRAP_ORGANIZATION);
            PerstackClient client = PerstackClient.builder().apiKey(key).baseUrl(platform.baseUrl()).build();
            return new InProcessPlatform(platform, client, key, dir, dataDir == null);
        } catch (RuntimeException e) {
            if (platform != null) {
                platform.close();
            }
            if (dataDir == null) {
                deleteTree(dir);
            }
            throw e;
        }
    }

    PerstackClient client() {
        return client;
    }

    String baseUrl() {
        return platform.baseUrl();
    }

    /** {@return a console link that signs in with this platform's key (in the fragment, never sent to the server)} */
    String consoleUrl() {
        return platform.consoleUrl(apiKey);
    }

    /** Where its data is, and whether it is kept. */
    String describe() {
        return platform.baseUrl() + "  (" + (temporary ? "temporary data" : "data in " + dir) + ")";
    }

    @Override
    public void close() {
        try {
            client.close();
            platform.close();
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    /** The application named {@code name} of the caller's organization, created when there is none. */
    static Application application(PerstackClient client, String name) {
        for (Application a : client.applications().list(new ListApplicationsParams(name, null, null, 100, null))
                .orElseThrow().data().applications()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return client.applications().create(CreateApplicationInput.builder().name(name).build()).orElseThrow()
                .data().application();
    }

    /** The command's messages are the output; the platform's start-up log lines would only interleave with them. */
    private static void quietPlatformLogs() {
        if (org.slf4j.LoggerFactory.getLogger("ai.perstack.server") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
