package ai.perstack.bench;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.listener.PerstackListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The job rows: mock jobs per second and the client's memory per open stream. */
final class JobsBench {
    /** Open streams for the memory row. */
    static final int SUBSCRIBERS = FanOutBench.SUBSCRIBERS;

    private JobsBench() {
    }

    /** Retries seen by the bench's clients (a retried start is how a job came to fail with a 409). */
    private static final AtomicLong RETRIES = new AtomicLong();

    static PerstackClient client(ServerProcess server) {
        return PerstackClient.create(ApiClientConfig.builder().apiKey(server.key).baseUrl(server.base)
                .timeout(Duration.ofSeconds(60)).listener(new PerstackListener() {
                    @Override
                    public void onRetry(Retry event) {
                        if (RETRIES.incrementAndGet() <= 5) {
                            System.err.println("  a bench call is retried: " + event.method() + " " + event.pathTemplate()
                                    + ", attempt " + event.attempt() + ", status " + event.status() + " (0: no response)");
                        }
                    }
                }).build());
    }

    static StartJobInput job(ServerProcess server, String query) {
        return StartJobInput.builder().applicationId(server.app).expertKey("@local/writer")
                .query(query).provider("mock").build();
    }

    /** A mock job of {@code steps} work steps, with a step budget that lets it run them all (the default is 100). */
    static StartJobInput job(ServerProcess server, String query, int steps) {
        return StartJobInput.builder().applicationId(server.app).expertKey("@local/writer")
                .query(query + "\n/steps " + steps).provider("mock").maxSteps(steps + 10).build();
    }

    /** The jobs rows: H2, PostgreSQL with one {@code serve} process, and with two sharing the database. */
    static void jobsPerSecond(BenchMain main) throws Exception {
        main.line("### Jobs: 3-step mock jobs started and completed per second (32 callers, closed loop)");
        main.line("");
        main.line("| database | jobs/s | server CPU ms per job | driver CPU ms per job | failed | target |");
        main.line("|---|---:|---:|---:|---:|---:|");
        // bench.jobsDatabases=h2 (or postgres) runs one database's rows only, e.g. for before/after pairs
        String databases = System.getProperty("bench.jobsDatabases", "both");
        if (!databases.equals("postgres")) {
            try (ServerProcess server = new ServerProcess("h2")) {
                jobsRow(main, "H2, one process", List.of(server), "≥ 200/s");
            }
        }
        if (databases.equals("h2")) {
            main.line("");
            return;
        }
        try (ServerProcess first = new ServerProcess("postgres")) {
            jobsRow(main, "PostgreSQL, one `serve` process", List.of(first), "report");
            try (ServerProcess second = new ServerProcess(List.of(), "postgres-attach", List.of(),
                    first.databaseUrl, first.key, first.app)) {
                jobsRow(main, "PostgreSQL, two `serve` processes sharing it (callers split evenly)",
                        List.of(first, second), "report");
            }
        }
        main.line("");
    }

    /** Counts a failed job and says why, for the first few (a row with failures is worth a look). */
    private static void failed(AtomicLong failures, String why) {
        if (failures.incrementAndGet() <= 5) {
            System.err.println("  a bench job failed: " + why);
        }
    }

    /**
     * Closed loop: 32 callers, spread evenly over {@code servers}, each start a 3-step mock job
     * and read its checkpoint stream to the {@code done} event, again and again; jobs/s = jobs
     * seen done ÷ elapsed. With two servers a job may be run by either one's workers.
     */
    private static void jobsRow(BenchMain main, String label, List<ServerProcess> servers, String target)
            throws Exception {
        System.out.println("  jobs, " + label);
        int callers = 32;
        int seconds = 5;
        List<Double> rates = new ArrayList<>();
        List<Double> cpuPerJob = new ArrayList<>();
        List<Double> driverCpuPerJob = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        List<PerstackClient> clients = servers.stream().map(JobsBench::client).toList();
        try {
            for (int i = -1; i < BenchMain.ITERATIONS; i++) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(i < 0 ? 2 : seconds);
                AtomicInteger done = new AtomicInteger();
                long cpuBefore = cpuNanos(servers);
                long driverBefore = driverCpuNanos();
                long started = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < callers; t++) {
                    ServerProcess server = servers.get(t % servers.size());
                    PerstackClient client = clients.get(t % servers.size());
                    Thread thread = new Thread(() -> {
                        while (System.nanoTime() < end) {
                            ApiResult<ai.perstack.client.jobs.JobResponse> start = client.jobs().start(job(server, "bench job"));
                            if (!start.ok()) {
                                failed(failures, "start: " + start);
                                continue;
                            }
                            String id = start.orElseThrow().data().job().id();
                            int seen = 0;
                            try (CheckpointStream stream = client.jobs().checkpoints().stream(id)) {
                                for (ApiResult<Checkpoint> r : stream) {
                                    if (r.ok()) {
                                        seen++;
                                    }
                                }
                                if (seen == 3 && stream.doneStatus().orElse(null) != null
                                        && stream.doneStatus().get().equals(JobStatus.COMPLETED)) {
                                    done.incrementAndGet();
                                } else {
                                    failed(failures, "job " + id + ": " + seen + " checkpoints, done "
                                            + stream.doneStatus().orElse(null));
                                }
                            }
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                for (Thread t : threads) {
                    t.join();
                }
                double elapsed = (System.nanoTime() - started) / 1e9;
                long cpu = cpuNanos(servers) - cpuBefore;
                long driverCpu = driverCpuNanos() - driverBefore;
                if (i >= 0) {
                    rates.add(done.get() / elapsed);
                    // CPU time per job moves far less than jobs/s when other processes share the cores
                    cpuPerJob.add(cpu / 1e6 / Math.max(1, done.get()));
                    // the 32 callers' own CPU (this JVM), on the same two cores: what is left for the server
                    driverCpuPerJob.add(driverCpu / 1e6 / Math.max(1, done.get()));
                }
            }
        } finally {
            clients.forEach(PerstackClient::close);
        }
        main.line("| " + label + " | " + Stats.of(rates).format("%.0f") + " | " + Stats.of(cpuPerJob).format("%.2f")
                + " | " + Stats.of(driverCpuPerJob).format("%.2f") + " | " + failures.get() + " | " + target + " |");
    }

    /** CPU time this JVM (the callers) has used so far, in nanoseconds. */
    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time used so far by all {@code servers} together, in nanoseconds. */
    private static long cpuNanos(List<ServerProcess> servers) throws IOException {
        long sum = 0;
        for (ServerProcess s : servers) {
            sum += s.cpuNanos();
        }
        return sum;
    }

    /** Runs {@link ClientMemory} in a JVM of its own, five times, against one server. */
    static void clientMemory(BenchMain main) throws Exception {
        List<Double> perStream = new ArrayList<>();
        try (ServerProcess server = new ServerProcess("h2")) {
            for (int i = 0; i < BenchMain.ITERATIONS; i++) {
                Process p = new ProcessBuilder(BenchMain.java(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                        "ai.perstack.bench.ClientMemory", server.base, server.key, server.app, Integer.toString(SUBSCRIBERS))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                p.waitFor();
                String last = out.substring(out.lastIndexOf('\n') + 1);
                if (!last.startsWith("PER_STREAM ")) {
                    throw new IllegalStateException("client memory run failed: " + out);
                }
                perStream.add(Double.parseDouble(last.substring(11)) / 1024);
            }
        }
        main.line("### Client memory: " + SUBSCRIBERS + " open checkpoint streams (retained heap after GC ÷ streams)");
        main.line("");
        main.line("| KiB per stream | target |");
        main.line("|---:|---:|");
        main.line("| " + Stats.of(perStream).format("%.1f") + " | ≤ 64 KiB |");
        main.line("");
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
