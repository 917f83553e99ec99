package ai.perstack.server.testing;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * Running platforms for tests. One shared platform per backend serves most tests; each test
 * works in organizations of its own, so tests cannot see each other's data.
 */
public final class Platforms {
    private static final Map<Backend, LocalPlatform> SHARED = new EnumMap<>(Backend.class);

    static {
        // The PostgreSQL one closes in Postgres' own exit hook, before its server stops.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SHARED.forEach((backend, platform) -> {
            if (backend != Backend.POSTGRES) {
                platform.close();
            }
        })));
    }

    private Platforms() {
    }

    /** The shared platform of a backend, started on first use. */
    public static synchronized LocalPlatform shared(Backend backend) {
        return SHARED.computeIfAbsent(backend, b -> {
            LocalPlatform platform = LocalPlatform.start(config(b, newDataDir(), 0).build());
            if (b == Backend.POSTGRES) {
                Postgres.closeBeforeStopping(platform);
            }
            return platform;
        });
    }

    /** A configuration for a new platform on a new store. */
    public static PlatformConfig.Builder config(Backend backend, Path dataDir, int rateLimit) {
        return PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).rateLimit(rateLimit)
                .databaseUrl(backend == Backend.POSTGRES ? Postgres.newDatabaseUrl() : null);
    }

    /** A new empty data directory under {@code target/}. */
    public static Path newDataDir() {
        try {
            return Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new organization on a platform, with a client holding its key. */
    public static Api newOrganization(LocalPlatform platform) {
        String name = "org-" + UUID.randomUUID().toString().substring(0, 8);
        return new Api(platform.baseUrl(), platform.createApiKey(name), name);
    }
}
