package ai.perstack.server.providers;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import java.nio.file.Path;
import java.time.Duration;

/** The platform the provider tests share: H2, with short provider timeouts and retry waits. */
final class ProviderPlatform {
    /** One model call may take this long before it is a timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(1500);
    /** Waits before retries: 20 ms doubling, at most 2 s (also when retry-after asks for more). */
    static final ProviderSettings SETTINGS = ProviderSettings.defaults().withRequestTimeout(REQUEST_TIMEOUT)
            .withConnectTimeout(Duration.ofSeconds(2)).withRetryDelays(Duration.ofMillis(20), Duration.ofSeconds(2));
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
        PlatformConfig config = Platforms.config(Backend.H2, dataDir, 0).workers(2).providerSettings(SETTINGS)
                .masterKey(new byte[32]).build();
        return LocalPlatform.start(config);
    }
}
