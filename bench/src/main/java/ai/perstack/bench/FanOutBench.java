package ai.perstack.bench;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Checkpoint fan-out: many subscribers on one job, measured two ways.
 *
 * <ul>
 *   <li><b>blocking, shared cores</b>: each subscriber is a perstack-client {@link CheckpointStream}
 *       read by a thread of its own, and the server and those threads share both cores; at 1,000
 *       subscribers the readers' threads compete with the server, so this measures the machine.</li>
 *   <li><b>non-blocking, pinned</b>: the server runs on core 0 ({@code taskset -c 0}), the
 *       subscribers on core 1, read by {@link SseSubscribers} (one selector thread, two workers):
 *       the server's own figure.</li>
 * </ul>
 *
 * Commit→delivery = arrival time − the checkpoint's {@code finishedAt} (stamped just before its
 * commit, so this slightly overstates), counted only for checkpoints finished after every
 * subscriber was connected. Every subscriber must see every checkpoint; the server runs with -Xmx512m.
 */
final class FanOutBench {
    static final int SUBSCRIBERS = Integer.getInteger("bench.streams", 1000);
    static final int ITERATIONS = Integer.getInteger("bench.fanoutIterations", BenchMain.ITERATIONS);
    /**
     * The mock sleeps this long per step. A step's own work (provider, commit) adds 2–3 ms on the
     * 2-core machine, so the job emits about the target's 100 checkpoints/s (5 ms gave ~125/s on a
     * quiet machine, more than the target asks, and the latencies measured that overload).
     */
    static final int SLEEP_MILLIS = Integer.getInteger("bench.fanoutSleep", 7);
    /**
     * Steps of the job: about 12 s at 100 checkpoints/s. Connecting 1,000 subscribers takes a few
     * seconds, and the figures count only what the job emits after the last has connected.
     */
    static final int STEPS = 1200;
    /** Which rows to run: {@code both} (default), {@code threads} or {@code pinned}. */
    static final String ROWS = System.getProperty("bench.fanoutRows", "both");

    private FanOutBench() {
    }

    /** One iteration's figures. */
    private record Result(double rate, double p50, double p99, double peakMiB, int incomplete, double serverCpu,
                          double readersCpu) {
    }

    static void run(BenchMain main) throws Exception {
        main.line("### Fan-out: " + SUBSCRIBERS + " SSE subscribers on one job (" + STEPS + " steps, " + SLEEP_MILLIS
                + " ms mock sleep per step), H2, server -Xmx512m");
        main.line("");
        main.line("| subscribers read by | checkpoints/s emitted | p50 commit→delivery ms | p99 commit→delivery ms "
                + "| server peak heap MiB | subscribers missing checkpoints | server CPU, cores | subscribers' CPU, cores |");
        main.line("|---|---:|---:|---:|---:|---:|---:|---:|");
        if (!ROWS.equals("pinned")) {
            row(main, "a thread each (perstack client), server and readers on both cores", false);
        }
        if (!ROWS.equals("threads")) {
            row(main, "one non-blocking client (1 selector + 2 workers) on core 1, server on core 0", true);
        }
        main.line("");
    }

    private static void row(BenchMain main, String label, boolean pinned) throws Exception {
        System.out.println("  fan-out, " + label);
        List<Result> results = new ArrayList<>();
        List<String> prefix = pinned ? List.of("taskset", "-c", "0") : List.of();
        if (pinned) {
            pinSelf("1");
        }
        try (ServerProcess server = new ServerProcess(prefix, "h2", List.of("-Xmx512m"));
             PerstackClient client = JobsBench.client(server)) {
            for (int i = 0; i < ITERATIONS; i++) {
                results.add(pinned ? nonBlocking(server, client) : blocking(server, client));
            }
        } finally {
            if (pinned) {
                pinSelf("0-" + (Runtime.getRuntime().availableProcessors() - 1));
            }
        }
        int incomplete = results.stream().mapToInt(Result::incomplete).sum();
        main.line("| " + label + " (" + stats(results, Result::rate).n() + " of " + results.size()
                + " iterations with every subscriber connected before the job ended) | "
                + stats(results, Result::rate).format("%.0f") + " | "
                + stats(results, Result::p50).format("%.0f") + " | " + stats(results, Result::p99).format("%.0f") + " | "
                + stats(results, Result::peakMiB).format("%.0f") + " | " + incomplete + " of " + SUBSCRIBERS * results.size()
                + " | " + stats(results, Result::serverCpu).format("%.2f") + " | " + stats(results, Result::readersCpu).format("%.2f")
                + " |");
    }

    private static Stats stats(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
        return Stats.of(results.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    /** Moves every thread of this JVM to {@code cpus}; threads started later inherit it. */
    private static void pinSelf(String cpus) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset failed");
        }
    }

    private static String startJob(ServerProcess server, PerstackClient client) {
        return client.jobs().start(JobsBench.job(server, "fan-out\n/sleep " + SLEEP_MILLIS, STEPS))
                .orElseThrow().data().job().id();
    }

    /** Collects the samples of one iteration and judges it. */
    private static final class Tally {
        final CountDownLatch connected = new CountDownLatch(SUBSCRIBERS);
        final AtomicLongArray counts = new AtomicLongArray(SUBSCRIBERS);
        final AtomicLongArray lastSeq = new AtomicLongArray(SUBSCRIBERS);
        final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        final AtomicLong allConnectedAt = new AtomicLong(Long.MAX_VALUE);
        private final long startedNanos = System.nanoTime();
        private final long serverCpuAtStart;
        private final long ownCpuAtStart = ownCpuNanos();

        Tally(ServerProcess server) throws IOException {
            serverCpuAtStart = server.cpuNanos();
        }

        /**
         * This JVM's CPU time: the subscribers' reading and parsing, and little else while an
         * iteration runs. Beside the server's, it shows which side a figure is limited by (a
         * pinned side near 1.00 core is saturated).
         */
        private static long ownCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        void checkpoint(int subscriber, long sequence, long finishedAt, long now) {
            if (counts.getAndIncrement(subscriber) == 0) {
                connected.countDown();
            }
            lastSeq.set(subscriber, sequence);
            samples.add(new long[] {finishedAt, now - finishedAt});
        }

        Result result(ServerProcess server) throws IOException {
            double wall = System.nanoTime() - startedNanos;
            double serverCpu = (server.cpuNanos() - serverCpuAtStart) / wall;
            double readersCpu = (ownCpuNanos() - ownCpuAtStart) / wall;
            long last = 0;
            for (int s = 0; s < SUBSCRIBERS; s++) {
                last = Math.max(last, lastSeq.get(s));
            }
            int incomplete = 0;
            for (int s = 0; s < SUBSCRIBERS; s++) {
                // Every checkpoint exactly once: as many as the sequence of the last, the same for all.
                if (counts.get(s) != last || lastSeq.get(s) != last) {
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
            double peak = server.ask("peak") / 1048576.0;
            if (latencies.isEmpty()) {
                // The job ended before the last subscriber connected: nothing was delivered live.
                return new Result(Double.NaN, Double.NaN, Double.NaN, peak, incomplete, serverCpu, readersCpu);
            }
            return new Result(latencies.size() / (double) SUBSCRIBERS / Math.max(0.001, (lastLive - firstLive) / 1000.0),
                    latencies.get(latencies.size() / 2),
                    latencies.get((int) Math.min(latencies.size() - 1, latencies.size() * 0.99)), peak, incomplete,
                    serverCpu, readersCpu);
        }
    }

    private static Result blocking(ServerProcess server, PerstackClient client) throws Exception {
        server.ask("peak");
        Tally tally = new Tally(server);
        String id = startJob(server, client);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            int index = s;
            Thread t = new Thread(() -> {
                try (CheckpointStream stream = client.jobs().checkpoints().stream(id,
                        StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(60)).build())) {
                    for (ApiResult<Checkpoint> r : stream) {
                        long now = System.currentTimeMillis();
                        Checkpoint cp = r.orElseThrow();
                        Instant finished = cp.finishedAt().orElse(cp.startedAt());
                        tally.checkpoint(index, cp.sequence(), finished.toEpochMilli(), now);
                    }
                } catch (RuntimeException e) {
                    System.err.println("subscriber failed: " + e);
                }
            }, "subscriber-" + s);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        tally.connected.await(120, TimeUnit.SECONDS);
        tally.allConnectedAt.set(System.currentTimeMillis());
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(2));
        }
        return tally.result(server);
    }

    private static Result nonBlocking(ServerProcess server, PerstackClient client) throws Exception {
        server.ask("peak");
        Tally tally = new Tally(server);
        String id = startJob(server, client);
        String url = server.base + "/api/v1/jobs/" + id + "/checkpoints/stream";
        try (SseSubscribers subscribers = new SseSubscribers(SUBSCRIBERS)) {
            for (int s = 0; s < SUBSCRIBERS; s++) {
                subscribers.open(s, url, server.key, tally::checkpoint);
            }
            tally.connected.await(120, TimeUnit.SECONDS);
            tally.allConnectedAt.set(System.currentTimeMillis());
            if (!subscribers.awaitEnd(3, TimeUnit.MINUTES)) {
                System.err.println("some subscriber streams did not end");
            }
        }
        return tally.result(server);
    }

    /**
     * One subscriber's end-to-end rate: a job that steps without sleeping, read by one perstack
     * client stream from the first checkpoint to the last (checkpoints ÷ that time).
     */
    static void oneSubscriber(BenchMain main) throws Exception {
        int steps = 2000;
        List<Double> rates = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        int incomplete = 0;
        try (ServerProcess server = new ServerProcess("h2"); PerstackClient client = JobsBench.client(server)) {
            for (int i = -1; i < BenchMain.ITERATIONS; i++) {
                String id = client.jobs().start(JobsBench.job(server, "no sleep", steps)).orElseThrow()
                        .data().job().id();
                long first = 0;
                long last = 0;
                int seen = 0;
                try (CheckpointStream stream = client.jobs().checkpoints().stream(id)) {
                    for (ApiResult<Checkpoint> r : stream) {
                        r.orElseThrow();
                        last = System.nanoTime();
                        if (seen++ == 0) {
                            first = last;
                        }
                    }
                }
                long total = client.jobs().checkpoints().list(id).orElseThrow().meta().total();
                if (i >= 0) {
                    if (seen != total) {
                        incomplete++;
                    }
                    counts.add((double) seen);
                    rates.add((seen - 1) / ((last - first) / 1e9));
                }
            }
        }
        main.line("### One subscriber, end to end: a " + steps + "-step mock job without sleeps, read by one "
                + "perstack client stream, H2");
        main.line("");
        main.line("| checkpoints/s delivered | checkpoints per run | runs missing checkpoints |");
        main.line("|---:|---:|---:|");
        main.line("| " + Stats.of(rates).format("%.0f") + " | " + Stats.of(counts).format("%.0f") + " | " + incomplete + " |");
        main.line("");
    }
}
