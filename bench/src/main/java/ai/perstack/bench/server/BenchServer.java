package ai.perstack.bench.server;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the load runs, in its own JVM: the local platform (H2 in a temporary
 * directory, or an embedded PostgreSQL), seeded with one application and one published expert,
 * and beside it a bare Javalin handler that returns a fixed JSON body of the same size as
 * {@code GET /applications/{id}}: the same framework doing no work, as the yardstick.
 *
 * <p>With {@code postgres-attach URL KEY APP} it joins the database of a running one instead, as a
 * second {@code serve} process sharing it, and seeds nothing.
 *
 * <p>Prints one line {@code READY base=... bare=... key=... app=... [db=...]}, then answers commands on
 * stdin: {@code heap} prints the used heap after a GC, {@code peak} the highest used heap seen
 * since the previous {@code peak}. Stops at end of input.
 */
public final class BenchServer {

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        Path dir = Files.createTempDirectory("perstack-bench-");
        String databaseUrl;
        String key;
        String appId;
        String body;
        LocalPlatform platform;
        if (db.equals("postgres-attach")) {
            // A second serve process on the first one's database: same key and application, no seeding.
            databaseUrl = args[1];
            platform = LocalPlatform.start(PlatformConfig.builder()
                    .host("127.0.0.1").port(0).dataDir(dir.resolve("data")).databaseUrl(databaseUrl).workers(Integer.getInteger("bench.workers", 4)).build());
            key = args[2];
            appId = args[3];
            body = rawGet(platform.baseUrl() + "/api/v1/applications/" + appId, key);
        } else {
            databaseUrl = db.equals("postgres") ? EmbeddedPostgres.start() : null;
            platform = LocalPlatform.start(PlatformConfig.builder()
                    .host("127.0.0.1").port(0).dataDir(dir.resolve("data")).databaseUrl(databaseUrl).workers(Integer.getInteger("bench.workers", 4)).build());
            key = platform.bootstrapApiKey();
            try (PerstackClient client = PerstackClient.create(ApiClientConfig.builder()
                    .apiKey(key).baseUrl(platform.baseUrl()).build())) {
                appId = client.applications().create(CreateApplicationInput.builder().name("bench").build())
                        .orElseThrow().data().application().id();
                publishWriter(client, appId);
                body = rawGet(platform.baseUrl() + "/api/v1/applications/" + appId, key);
            }
        }
        byte[] fixed = body.getBytes(StandardCharsets.UTF_8);
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/bare", ctx -> ctx.contentType("application/json; charset=utf-8").result(fixed));
        }).start("127.0.0.1", 0);

        HeapSampler sampler = new HeapSampler();
        sampler.start();
        System.out.println("READY base=" + platform.baseUrl() + " bare=http://127.0.0.1:" + bare.port()
                + " key=" + key + " app=" + appId + (databaseUrl == null ? "" : " db=" + databaseUrl));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.strip()) {
                case "heap" -> {
                    System.gc();
                    System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                }
                case "peak" -> System.out.println("PEAK " + sampler.takePeak());
                default -> System.out.println("?");
            }
            System.out.flush();
        }
        bare.stop();
        platform.close();
        EmbeddedPostgres.stop();
        // an H2 file of a jobs run is 100-200 MB: a run leaves nothing behind in the temporary directory
        deleteTree(dir);
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Publishes {@code @local/writer@1.0.0} so jobs can be started. */
    private static void publishWriter(PerstackClient client, String appId) throws IOException {
        JsonNode root;
        try (InputStream in = BenchServer.class.getResourceAsStream("/writer.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Expert> experts = new ArrayList<>();
        for (JsonNode e : root.path("experts")) {
            experts.add(Expert.fromJson(e));
        }
        ExpertDraft draft = client.experts().drafts().create("@local/writer",
                CreateDraftInput.builder().applicationId(appId).experts(experts).build()).orElseThrow().data().draft();
        client.experts().drafts().assignVersion("@local/writer", draft.id(), AssignVersionInput.of("1.0.0")).orElseThrow();
    }

    private static String rawGet(String url, String key) throws IOException, InterruptedException {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + key).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Samples the used heap every 20 ms and keeps the highest value. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        long takePeak() {
            return peak.getAndSet(0);
        }

        @Override
        public void run() {
            while (true) {
                long used = memory.getHeapMemoryUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
