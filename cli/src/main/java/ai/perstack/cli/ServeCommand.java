package ai.perstack.cli;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.security.KeyFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perstack serve}: runs the local platform until Ctrl-C or SIGTERM, then drains and exits. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the local Perstack platform.")
final class ServeCommand implements Callable<Integer> {
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

    @Option(names = "--workers", defaultValue = "4", description = "Jobs this process runs at once, 1..256 (default: ${DEFAULT-VALUE}).")
    int workers;

    @Override
    public Integer call() throws InterruptedException {
        String envKey = System.getenv("PERSTACK_BOOTSTRAP_API_KEY");
        String masterKey = System.getenv("PERSTACK_MASTER_KEY");
        PlatformConfig config = PlatformConfig.builder().host(host).port(port).dataDir(dataDir)
                .databaseUrl(databaseUrl != null ? databaseUrl : System.getenv("PERSTACK_DATABASE_URL"))
                .bootstrapApiKey(envKey)
                .masterKey(masterKey == null || masterKey.isBlank() ? null : KeyFiles.decodeMasterKey(masterKey))
                .rateLimit(rateLimit)
                .workers(workers)
                .build();
        LocalPlatform platform = LocalPlatform.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping: draining requests…");
            platform.close();
            stopped.countDown();
        }, "perstack-shutdown"));
        if (platform.bootstrapApiKey() != null && (envKey == null || envKey.isBlank())) {
            System.out.println("Created organization 'local' with API key " + platform.bootstrapApiKey());
            System.out.println("(saved to " + dataDir.resolve("api-key") + "; it is not shown again)");
        }
        System.out.println("Perstack local platform listening on " + platform.baseUrl());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
