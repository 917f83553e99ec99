package ai.perstack.reliability.support;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.testing.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** In-process platforms on new stores, data directories and keys for child processes. */
public final class Platforms {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Platforms() {
    }

    /** A platform on 127.0.0.1, a free port and a new H2 store (or PostgreSQL database when {@code postgres}). */
    public static LocalPlatform start(boolean postgres, String apiKey) {
        return LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(newDataDir())
                .databaseUrl(postgres ? Postgres.newDatabaseUrl() : null).bootstrapApiKey(apiKey).build());
    }

    /** A new empty data directory under {@code target/}. */
    public static Path newDataDir() {
        try {
            return Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new API key in the platform's format. */
    public static String newApiKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "psk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
