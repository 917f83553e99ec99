package ai.perstack.reliability;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.RawApi;
import ai.perstack.reliability.support.Seed;
import ai.perstack.reliability.support.ServerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 concurrent clients for 60 s of mixed calls against a {@code perstack serve} process on
 * 127.0.0.1: creates, lists, gets, job starts with streams, cancels. Clients do not retry, so
 * every failure is seen. Zero 5xx, zero connection errors, every created resource is there at
 * the end, and the server has no more threads (outside its bounded HTTP pool) and no more
 * sockets than before.
 */
@Tag("long")
class LoadSoakTest {
    private static final String TEST = "LoadSoakTest";
    private static final int CLIENTS = 64;
    private static final Duration RUN = Duration.ofSeconds(60);

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong connectionErrors = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final Map<String, AtomicLong> byOperation = new ConcurrentHashMap<>();
    private final Queue created = new Queue();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong checkpointsStreamed = new AtomicLong();

    /** What the clients created, to account for at the end. */
    private static final class Queue {
        final Set<String> applications = ConcurrentHashMap.newKeySet();
        final Set<String> variables = ConcurrentHashMap.newKeySet();
        final Set<String> secrets = ConcurrentHashMap.newKeySet();
        final Set<String> jobs = ConcurrentHashMap.newKeySet();
        final Set<String> canceled = ConcurrentHashMap.newKeySet();
    }

    @Test
    void sixtyFourClientsForSixtySeconds() throws Exception {
        String apiKey = Platforms.newApiKey();
        ServerProcess server = ServerProcess.start(Platforms.newDataDir(), null, apiKey, 0, "load");
        try {
            Seed seed;
            try (PerstackClient setup = Seed.client(server.baseUrl(), apiKey, Duration.ofSeconds(30), 0)) {
                seed = Seed.create(setup, "local", "load");
                // Warm up every path once so lazily started pools count in the baseline.
                String warm = seed.start(setup, "warm up").id();
                CrashRecoveryTest.awaitFinal(setup, warm, Duration.ofSeconds(30));
                setup.jobs().checkpoints().stream(warm).forEach(r -> r.orElseThrow());
            }
            settleClientSide();
            Thread.sleep(1_000);
            Map<String, Integer> threadsBefore = threadsByKind(server);
            int socketsBefore = server.socketCount();
            int clientThreadsBefore = Thread.activeCount();

            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long end = System.nanoTime() + RUN.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                running.add(pool.submit(() -> {
                    try (PerstackClient client = Seed.client(server.baseUrl(), apiKey, Duration.ofSeconds(60), 0)) {
                        Seed mine = Seed.of(client, seed.applicationId(), seed.expertKey());
                        int n = 0;
                        while (System.nanoTime() < end) {
                            step(client, mine, id, n++);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Map<String, Integer> threadsAtEnd = threadsByKind(server);

            // Every created resource is there.
            try (PerstackClient check = Seed.client(server.baseUrl(), apiKey, Duration.ofSeconds(60), 0)) {
                RawApi raw = new RawApi(server.baseUrl(), apiKey);
                Set<String> apps = collect(raw, "/applications?take=100&order=asc", "applications", "id");
                Set<String> jobs = collect(raw, "/jobs?take=100&order=asc", "jobs", "id");
                Set<String> variables = names(raw.getJson("/env/variables").path("data").path("variables"));
                Set<String> secrets = names(raw.getJson("/env/secrets").path("data").path("secrets"));
                long lost = missing(created.applications, apps) + missing(created.jobs, jobs)
                        + missing(created.variables, variables) + missing(created.secrets, secrets);
                for (String id : created.jobs) {
                    CrashRecoveryTest.awaitFinal(check, id, Duration.ofSeconds(120));
                }
                for (String id : created.canceled) {
                    assertThat(check.jobs().get(id).orElseThrow().data().job().status()).isEqualTo(JobStatus.CANCELED);
                }
                long writes = created.applications.size() + created.jobs.size() + created.variables.size() + created.secrets.size();
                Figures.record(TEST, "clients x seconds", CLIENTS + " x " + RUN.toSeconds());
                Figures.record(TEST, "requests", requests.get());
                Figures.record(TEST, "requests by operation", new TreeMap<>(byOperation));
                Figures.record(TEST, "writes (resources created)", writes);
                Figures.record(TEST, "checkpoints streamed", checkpointsStreamed.get());
                Figures.record(TEST, "5xx", serverErrors.get());
                Figures.record(TEST, "connection errors", connectionErrors.get());
                Figures.record(TEST, "unexpected 4xx", unexpected.get());
                Figures.record(TEST, "lost writes", lost);
                assertThat(failures).as("failures").isEmpty();
                assertThat(serverErrors.get()).isZero();
                assertThat(connectionErrors.get()).isZero();
                assertThat(unexpected.get()).isZero();
                assertThat(lost).isZero();
                assertThat(requests.get()).isGreaterThan(1_000);
            }

            // No leak: the clients' connections close, and apart from Jetty's bounded request pool the
            // server runs exactly the threads it ran before.
            settleClientSide();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && server.socketCount() > socketsBefore + 2) {
                Thread.sleep(500);
            }
            int socketsAfter = server.socketCount();
            Map<String, Integer> threadsAfter = threadsByKind(server);
            Figures.record(TEST, "server sockets before / after", socketsBefore + " / " + socketsAfter);
            Figures.record(TEST, "server threads before / at end of load / after", threadsBefore + " / " + threadsAtEnd + " / " + threadsAfter);
            assertThat(socketsAfter).isLessThanOrEqualTo(socketsBefore + 2);
            assertThat(threadsAfter.get("other")).isLessThanOrEqualTo(threadsBefore.get("other"));
            assertThat(threadsAfter.get("http-pool")).isLessThanOrEqualTo(250);
            assertThat(threadsAfter.get("stream-pool")).isLessThanOrEqualTo(5);
            long clientDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < clientDeadline && Thread.activeCount() > clientThreadsBefore + 2) {
                settleClientSide();
                Thread.sleep(500);
            }
            Figures.record(TEST, "test JVM threads before / after", clientThreadsBefore + " / " + Thread.activeCount());
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(clientThreadsBefore + 2);
        } finally {
            server.close();
        }
    }

    private void step(PerstackClient client, Seed seed, int id, int n) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 20) {
            String name = "load-" + id + "-" + n;
            call("create application", () -> client.applications().create(CreateApplicationInput.builder().name(name).build()))
                    .ifPresent(r -> created.applications.add(r.data().data().application().id()));
        } else if (dice < 28) {
            String name = "LOAD_VAR_" + id + "_" + n;
            call("create variable", () -> client.env().variables().create(CreateVariableInput.builder().name(name).value("v" + n).build()))
                    .ifPresent(r -> created.variables.add(name));
        } else if (dice < 32) {
            String name = "LOAD_SECRET_" + id + "_" + n;
            call("create secret", () -> client.env().secrets().create(CreateSecretInput.builder().name(name).value("s" + n).build()))
                    .ifPresent(r -> created.secrets.add(name));
        } else if (dice < 52) {
            int which = ThreadLocalRandom.current().nextInt(3);
            if (which == 0) {
                call("list applications", () -> client.applications().list(ListApplicationsParams.builder().take(20).build()));
            } else if (which == 1) {
                call("list jobs", () -> client.jobs().list(ListJobsParams.builder().take(20).build()));
            } else {
                call("list variables", () -> client.env().variables().list());
            }
        } else if (dice < 72) {
            String app = any(created.applications);
            String job = any(created.jobs);
            if (app != null && ThreadLocalRandom.current().nextBoolean()) {
                call("get application", () -> client.applications().get(app));
            } else if (job != null) {
                call("get job", () -> client.jobs().get(job));
            } else {
                call("get application", () -> client.applications().get(seed.applicationId()));
            }
        } else if (dice < 92) {
            var started = call("start job", () -> client.jobs().start(seed.input("Load job " + id + "-" + n + "\n/steps 3")));
            if (started.isPresent()) {
                String jobId = started.get().data().data().job().id();
                created.jobs.add(jobId);
                requests.incrementAndGet();
                byOperation.computeIfAbsent("stream job", k -> new AtomicLong()).incrementAndGet();
                List<Long> seen = new ArrayList<>();
                try (CheckpointStream stream = client.jobs().checkpoints().stream(jobId,
                        StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(90)).build())) {
                    for (ApiResult<Checkpoint> r : stream) {
                        if (!r.ok()) {
                            classify("stream job", r);
                            return;
                        }
                        seen.add(r.data().sequence());
                    }
                    if (!seen.equals(List.of(1L, 2L, 3L, 4L, 5L)) || !stream.doneStatus().orElse(JobStatus.QUEUED).equals(JobStatus.COMPLETED)) {
                        failures.add("job " + jobId + " streamed " + seen + " " + stream.doneStatus());
                    }
                    checkpointsStreamed.addAndGet(seen.size());
                }
            }
        } else {
            var started = call("start job", () -> client.jobs().start(seed.input("Cancel me " + id + "-" + n + "\n/steps 100\n/sleep 100")));
            if (started.isPresent()) {
                String jobId = started.get().data().data().job().id();
                created.jobs.add(jobId);
                call("cancel job", () -> client.jobs().cancel(jobId)).ifPresent(r -> created.canceled.add(jobId));
            }
        }
    }

    private <T> java.util.Optional<ApiResult<T>> call(String operation, Supplier<ApiResult<T>> call) {
        requests.incrementAndGet();
        byOperation.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        ApiResult<T> r = call.get();
        if (r.ok()) {
            return java.util.Optional.of(r);
        }
        classify(operation, r);
        return java.util.Optional.empty();
    }

    private void classify(String operation, ApiResult<?> r) {
        int code = r.error().code();
        if (code >= 500) {
            serverErrors.incrementAndGet();
        } else if (code == 0) {
            connectionErrors.incrementAndGet();
        } else {
            unexpected.incrementAndGet();
        }
        if (failures.size() < 20) {
            failures.add(operation + ": " + code + " " + r.error().message());
        }
    }

    private static String any(Set<String> set) {
        // Sets here only grow; a cheap pick from the first few is enough to spread the gets.
        int skip = ThreadLocalRandom.current().nextInt(Math.max(1, Math.min(set.size(), 50)));
        for (String s : set) {
            if (skip-- <= 0) {
                return s;
            }
        }
        return null;
    }

    private static Set<String> collect(RawApi raw, String path, String list, String field) {
        Set<String> out = new HashSet<>();
        int skip = 0;
        while (true) {
            JsonNode page = raw.getJson(path + "&skip=" + skip);
            JsonNode items = page.path("data").path(list);
            items.forEach(i -> out.add(i.path(field).asText()));
            skip += items.size();
            if (items.isEmpty() || skip >= page.path("meta").path("total").asInt()) {
                return out;
            }
        }
    }

    private static Set<String> names(JsonNode items) {
        Set<String> out = new HashSet<>();
        items.forEach(i -> out.add(i.path("name").asText()));
        return out;
    }

    private static long missing(Set<String> created, Set<String> stored) {
        return created.stream().filter(c -> !stored.contains(c)).count();
    }

    /**
     * Threads of the server by kind: Jetty's request pool ("qtp..."), the JVM's own (compiler and GC
     * threads come and go with the load), and everything else, which must not grow.
     */
    private static Map<String, Integer> threadsByKind(ServerProcess server) throws IOException {
        int pool = 0;
        int streams = 0;
        int jvm = 0;
        int other = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(server.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                if (name.startsWith("qtp") || name.startsWith("JettyServerThr")) {
                    pool++;
                } else if (name.startsWith("perstack-strea")) {
                    // The checkpoint fan-out's fixed pool (four writers and a timer) starts its threads on demand.
                    streams++;
                } else if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC ") || name.startsWith("G1 ")
                        || name.startsWith("VM ")) {
                    jvm++;
                } else {
                    other++;
                }
            }
        }
        return new TreeMap<>(Map.of("http-pool", pool, "stream-pool", streams, "jvm", jvm, "other", other));
    }

    /** Lets the test JVM drop closed clients, so their selector threads and connections end. */
    private static void settleClientSide() {
        System.gc();
    }
}
