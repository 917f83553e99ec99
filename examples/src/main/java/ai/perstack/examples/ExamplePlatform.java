package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.providers.ProviderSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the examples run. With {@code PERSTACK_API_KEY} (or the system property
 * {@code perstack.apiKey}) set, against that platform: {@code PERSTACK_BASE_URL}, else
 * https://api.perstack.ai. Without one, against a local platform started in-process on a free
 * port with a temporary store, deleted again on {@link #close()}; its {@code openai} and
 * {@code anthropic} providers call where {@code OPENAI_BASE_URL} / {@code ANTHROPIC_BASE_URL} point.
 */
public final class ExamplePlatform implements AutoCloseable {
    private final PerstackClient client;
    private final LocalPlatform local;
    private final Path dataDir;

    private ExamplePlatform(PerstackClient client, LocalPlatform local, Path dataDir) {
        this.client = client;
        this.local = local;
        this.dataDir = dataDir;
    }

    /** Connects as configured, or starts a local platform. */
    public static ExamplePlatform connect() {
        if (configured("perstack.apiKey", "PERSTACK_API_KEY")) {
            return new ExamplePlatform(PerstackClient.fromEnv(), null, null);
        }
        try {
            Path dir = Files.createTempDirectory("perstack-example-");
            // Model calls go where OPENAI_BASE_URL, ANTHROPIC_BASE_URL... say, as for perstack serve.
            ProviderSettings providers = ProviderSettings.defaults().withBaseUrlsFrom(System::getenv);
            LocalPlatform local = LocalPlatform.start(PlatformConfig.builder().port(0).dataDir(dir)
                    .providerSettings(providers).build());
            System.out.println("Started a local Perstack platform at " + local.baseUrl());
            PerstackClient client = PerstackClient.builder()
                    .apiKey(local.bootstrapApiKey())
                    .baseUrl(local.baseUrl())
                    .build();
            return new ExamplePlatform(client, local, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean configured(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value != null && !value.isBlank();
    }

    /** The client to use. */
    public PerstackClient client() {
        return client;
    }

    /**
     * An expert scope name in the caller's organization: {@code @ORG/name}, where ORG is
     * {@code PERSTACK_ORG} (system property {@code perstack.org}), by default {@code local},
     * the organization of a local platform.
     */
    public static String scope(String name) {
        return "@" + organization() + "/" + name;
    }

    /** The caller's organization: {@code PERSTACK_ORG} (system property {@code perstack.org}), by default {@code local}. */
    public static String organization() {
        return System.getProperty("perstack.org", System.getenv().getOrDefault("PERSTACK_ORG", "local"));
    }

    @Override
    public void close() {
        client.close();
        if (local != null) {
            local.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is harmless.
            }
        }
    }
}
