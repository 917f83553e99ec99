package ai.perstack.server.providers;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The platform the provider tests share: H2, with short provider timeouts and retry waits, and
 * every HTTP provider pointed by the operator's settings at one stub model server (under a path of
 * its own where two would share one), which each test resets.
 */
final class ProviderPlatform {
    /** One model call may take this long before it is a timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);
    /** The model server both providers call. */
    static final StubModelServer STUB = new StubModelServer();
    /** Waits before retries: 20 ms doubling, at most 2 s (also when retry-after asks for more). */
    static final ProviderSettings SETTINGS = ProviderSettings.defaults().withRequestTimeout(REQUEST_TIMEOUT)
            .withConnectTimeout(Duration.ofSeconds(2)).withRetryDelays(Duration.ofMillis(20), Duration.ofSeconds(2))
            .withOpenAiBaseUrl(STUB.url() + "/v1").withAnthropicBaseUrl(STUB.url())
            .withDeepSeekBaseUrl(STUB.url() + "/deepseek").withOllamaBaseUrl(STUB.url() + "/ollama/api")
            .withGoogleBaseUrl(STUB.url() + "/gemini/v1beta");
    private static LocalPlatform shared;

    private ProviderPlatform() {
    }

    static synchronized LocalPlatform shared() {
        if (shared == null) {
            shared = start(Platforms.newDataDir());
            LocalPlatform p = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(p::close));
        }
        return shared;
    }

    /** A platform of its own on {@code dataDir} (for restart tests); the caller closes it. */
    static LocalPlatform start(Path dataDir) {
        return start(dataDir, SETTINGS);
    }

    /** A platform of its own with other provider settings; the caller closes it. */
    static LocalPlatform start(Path dataDir, ProviderSettings settings) {
        PlatformConfig config = Platforms.config(Backend.H2, dataDir, 0).workers(2).providerSettings(settings)
                .masterKey(new byte[32]).build();
        return LocalPlatform.start(config);
    }
}
