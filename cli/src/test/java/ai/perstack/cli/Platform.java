package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local platform started in the test's process, on a free port, with its data in a temporary directory. */
final class Platform implements AutoCloseable {
    final Path dataDir;
    final LocalPlatform platform;
    final String apiKey;
    final PerstackClient client;

    private Platform(Path dataDir) {
        this.dataDir = dataDir;
        this.platform = LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).build());
        this.apiKey = platform.bootstrapApiKey();
        this.client = PerstackClient.builder().apiKey(apiKey).baseUrl(platform.baseUrl()).build();
    }

    static Platform start() {
        try {
            return new Platform(Files.createTempDirectory("perstack-cli-test-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Platform start(Path dataDir) {
        return new Platform(dataDir);
    }

    String baseUrl() {
        return platform.baseUrl();
    }

    Cli cli() {
        return Cli.connectedTo(baseUrl(), apiKey);
    }

    @Override
    public void close() {
        client.close();
        platform.close();
    }
}
