package ai.perstack.bench;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
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

/** The job rows: mock jobs per second, checkpoint fan-out, and the client's memory per open stream. */
final class JobsBench {
    /**
     * Open streams for the fan-out and memory rows. The target is 1,000, but the server holds one
     * Jetty thread per open stream, so past its thread pool further streams wait unserved;
     * {@code -Dbench.streams=1000} tries the full count.
     */
    static final int SUBSCRIBERS = Integer.getInteger("bench.streams", 150);

    private JobsBench() {
    }

    static PerstackClient client(ServerProcess server) {
        return PerstackClient.create(ApiClientConfig.builder().apiKey(server.key).baseUrl(server.base)
                .timeout(Duration.ofSeconds(60)).build());
    }

    static StartJobInput job(ServerProcess server, String query) {
        return StartJobInput.builder().applicationId(server.app).expertKey("@local/writer")
                .query(query).provider("mock").build();
    }

    /**
     * Closed loop: 32 callers each start a 3-step mock job and read its checkpoint stream to the
     * {@code done} event, again and again; jobs/s = jobs seen done ÷ elapsed.
     */
    static void jobsPerSecond(BenchMain main) throws Exception {
        int callers = 32;
        int seconds = 5;
        List<Double> rates = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        try (ServerProcess server = new ServerProcess("h2"); PerstackClient client = client(server)) {
            for (int i = -1; i < BenchMain.ITERATIONS; i++) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(i < 0 ? 2 : seconds);
                AtomicInteger done = new AtomicInteger();
                long started = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < callers; t++) {
                    Thread thread = new Thread(() -> {
                        while (System.nanoTime() < end) {
                            ApiResult<ai.perstack.client.jobs.JobResponse> start = client.jobs().start(job(server, "bench job"));
                            if (!start.ok()) {
                                failures.incrementAndGet();
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
                                    failures.incrementAndGet();
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
                if (i >= 0) {
                    rates.add(done.get() / elapsed);
                }
            }
        }
        main.line("### Jobs: 3-step mock jobs started and completed per second, H2 (32 callers, closed loop)");
        main.line("");
        main.line("| jobs/s | failed | target |");
        main.line("|---:|---:|---:|");
        main.line("| " + Stats.of(rates).format("%.0f") + " | " + failures.get() + " | ≥ 200/s |");
        main.line("");
    }

    /**
     * 1,000 subscribers on one job emitting about 100 checkpoints/s ({@code /steps 800},
     * {@code /sleep 10}). Commit→delivery = arrival time − the checkpoint's {@code finishedAt}
     * (stamped just before its commit, so this slightly overstates), counted only for
     * checkpoints finished after every subscriber was connected; the server runs with -Xmx512m.
     */
    static void fanOut(BenchMain main) throws Exception {
        int subscribers = SUBSCRIBERS;
        List<Double> p99s = new ArrayList<>();
        List<Double> p50s = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        int incomplete = 0;
        try (ServerProcess server = new ServerProcess("h2", "-Xmx512m"); PerstackClient client = client(server)) {
            for (int iteration = 0; iteration < BenchMain.ITERATIONS; iteration++) {
                server.ask("peak");
                String id = client.jobs().start(job(server, "fan-out\n/steps 800\n/sleep 10")).orElseThrow().data().job().id();
                CountDownLatch connected = new CountDownLatch(subscribers);
                AtomicLong allConnectedAt = new AtomicLong(Long.MAX_VALUE);
                ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
                AtomicInteger[] counts = new AtomicInteger[subscribers];
                List<Thread> threads = new ArrayList<>();
                long[] lastSeq = new long[subscribers];
                for (int s = 0; s < subscribers; s++) {
                    int index = s;
                    AtomicInteger count = new AtomicInteger();
                    counts[s] = count;
                    Thread t = new Thread(() -> {
                        boolean first = true;
                        try (CheckpointStream stream = client.jobs().checkpoints().stream(id,
                                StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(60)).build())) {
                            for (ApiResult<Checkpoint> r : stream) {
                                long now = System.currentTimeMillis();
                                Checkpoint cp = r.orElseThrow();
                                if (first) {
                                    first = false;
                                    connected.countDown();
                                }
                                count.incrementAndGet();
                                lastSeq[index] = cp.sequence();
                                Instant finished = cp.finishedAt().orElse(cp.startedAt());
                                samples.add(new long[] {finished.toEpochMilli(), now - finished.toEpochMilli()});
                            }
                        } catch (RuntimeException e) {
                            System.err.println("subscriber failed: " + e);
                        }
                    }, "subscriber-" + s);
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
                connected.await(120, TimeUnit.SECONDS);
                allConnectedAt.set(System.currentTimeMillis());
                for (Thread t : threads) {
                    t.join(TimeUnit.MINUTES.toMillis(2));
                }
                // Every checkpoint exactly once: as many as the sequence of the last, the same for all.
                long last = 0;
                for (long l : lastSeq) {
                    last = Math.max(last, l);
                }
                for (int s = 0; s < subscribers; s++) {
                    if (counts[s].get() != last || lastSeq[s] != last) {
                        incomplete++;
                    }
                }
                List<Long> latencies = new ArrayList<>();
                long firstLive = Long.MAX_VALUE;
                long lastLive = 0;
                for (long[] s : samples) {
                    if (s[0] > allConnectedAt.get()) {
                        latencies.add(s[1]);
                        firstLive = Math.min(firstLive, s[0]);
                        lastLive = Math.max(lastLive, s[0]);
                    }
                }
                latencies.sort(null);
                if (!latencies.isEmpty()) {
                    p50s.add((double) latencies.get(latencies.size() / 2));
                    p99s.add((double) latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.99)));
                    rates.add(latencies.size() / (double) subscribers / Math.max(0.001, (lastLive - firstLive) / 1000.0));
                }
                peaks.add(server.ask("peak") / 1048576.0);
            }
        }
        main.line("### Fan-out: " + subscribers + " SSE subscribers (perstack client) on one job, H2, server -Xmx512m");
        main.line("");
        main.line("| checkpoints/s emitted | p50 commit→delivery ms | p99 commit→delivery ms | server peak heap MiB "
                + "| subscribers missing checkpoints |");
        main.line("|---:|---:|---:|---:|---:|");
        main.line("| " + Stats.of(rates).format("%.0f") + " | " + Stats.of(p50s).format("%.0f") + " | "
                + Stats.of(p99s).format("%.0f") + " | " + Stats.of(peaks).format("%.0f") + " | " + incomplete + " |");
        main.line("");
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
