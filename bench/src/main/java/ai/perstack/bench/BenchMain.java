package ai.perstack.bench;

import ai.perstack.bench.client.ClientCallBenchmark;
import ai.perstack.bench.sse.SseCorpus;
import ai.perstack.bench.sse.SseDrivers;
import ai.perstack.bench.sse.SseParserBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of the suite and writes the report tables to
 * {@code bench/target/results.md}. Sections: {@code sse client server jobs fanout memory cli};
 * no argument runs them all. Every figure is the median of at least five iterations, with min–max.
 */
public final class BenchMain {
    static final int ITERATIONS = 5;

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Set<String> sections = args.length == 0
                ? Set.of("sse", "client", "server", "jobs", "fanout", "memory", "cli") : Set.of(args);
        BenchMain main = new BenchMain();
        main.header();
        for (String s : List.of("sse", "client", "server", "jobs", "fanout", "memory", "cli")) {
            if (sections.contains(s)) {
                System.out.println("== " + s);
                switch (s) {
                    case "sse" -> main.sse();
                    case "client" -> main.client();
                    case "server" -> main.server();
                    case "jobs" -> JobsBench.jobsPerSecond(main);
                    case "fanout" -> JobsBench.fanOut(main);
                    case "memory" -> JobsBench.clientMemory(main);
                    case "cli" -> CliStartup.run(main);
                    default -> throw new IllegalArgumentException(s);
                }
            }
        }
        Path out = Path.of("bench", "target", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, main.report);
        System.out.println();
        System.out.println(main.report);
        System.out.println("written to " + out);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void line(String s) {
        report.append(s).append('\n');
    }

    private void header() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        line("Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores; JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        line("");
    }

    private static OptionsBuilder jmh(Class<?> benchmark) {
        OptionsBuilder b = new OptionsBuilder();
        b.include("^" + benchmark.getName() + "\\.")
                .forks(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(ITERATIONS).measurementTime(TimeValue.seconds(2))
                .jvmArgs("-Xms2g", "-Xmx2g")
                .shouldFailOnError(false)
                .verbosity(VerboseMode.SILENT);
        return b;
    }

    private static List<Double> iterations(RunResult r, boolean median) {
        List<Double> values = new ArrayList<>();
        for (BenchmarkResult b : r.getBenchmarkResults()) {
            for (IterationResult it : b.getIterationResults()) {
                values.add(median ? it.getPrimaryResult().getStatistics().getPercentile(50.0)
                        : it.getPrimaryResult().getScore());
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- SSE parser

    private void sse() throws RunnerException {
        String[] corpora = {SseCorpus.SMALL_LF, SseCorpus.SMALL_CRLF, SseCorpus.CHECKPOINT_2K, SseCorpus.ONE_5MB,
            SseCorpus.EVENTS_5K, SseCorpus.EVENTS_50K, SseCorpus.EVENTS_500K};
        String[] parsers = {"perstack", "perstack-stream", "okhttp-sse", "okhttp-eventsource"};
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String c : corpora) {
            SseCorpus corpus = SseCorpus.of(c);
            sizes.put(c, corpus.bytes().length);
            for (String p : parsers) {
                String problem = SseDrivers.byLabel(p).check(corpus);
                if (problem != null) {
                    problems.put(c + "/" + p, problem);
                }
            }
        }
        Options options = jmh(SseParserBenchmark.class).measurementTime(TimeValue.seconds(1)).build();
        Map<String, Stats> mbs = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String c = r.getParams().getParam("corpus");
            String p = r.getParams().getParam("parser");
            List<Double> values = new ArrayList<>();
            for (double opsPerSecond : iterations(r, false)) {
                values.add(opsPerSecond * sizes.get(c) / 1e6);
            }
            mbs.put(c + "/" + p, Stats.of(values));
        }
        line("### SSE parser throughput (MB/s, higher is better)");
        line("");
        line("| corpus | bytes | perstack (push) | perstack (SseEvents stream) | okhttp-sse | okhttp-eventsource "
                + "| perstack ÷ okhttp-sse | perstack ÷ okhttp-eventsource |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : corpora) {
            StringBuilder row = new StringBuilder("| " + c + " | " + sizes.get(c));
            for (String p : parsers) {
                Stats s = mbs.get(c + "/" + p);
                String problem = problems.get(c + "/" + p);
                row.append(" | ").append(problem != null ? "wrong: " + problem : s == null ? "failed" : s.format("%.0f"));
            }
            Stats ours = mbs.get(c + "/perstack");
            row.append(" | ").append(ratio(ours, mbs.get(c + "/okhttp-sse")));
            row.append(" | ").append(ratio(ours, mbs.get(c + "/okhttp-eventsource"))).append(" |");
            line(row.toString());
        }
        line("");
    }

    static String ratio(Stats a, Stats b) {
        if (a == null || b == null || b.median() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f×", a.median() / b.median());
    }

    // ---------------------------------------------------------------- client call overhead

    private void client() throws RunnerException {
        Collection<RunResult> results = new Runner(jmh(ClientCallBenchmark.class).build()).run();
        Stats ours = null;
        Stats hand = null;
        for (RunResult r : results) {
            Stats s = Stats.of(iterations(r, true));
            if (r.getParams().getBenchmark().endsWith("perstackClient")) {
                ours = s;
            } else {
                hand = s;
            }
        }
        line("### Client call overhead: `applications().get` on loopback, p50 (µs, lower is better)");
        line("");
        line("| perstack client | hand-written java.net.http + Jackson | ratio (target ≤ 1.10×) |");
        line("|---:|---:|---:|");
        line("| " + fmt(ours, "%.1f") + " | " + fmt(hand, "%.1f") + " | " + ratio(ours, hand) + " |");
        line("");
    }

    static String fmt(Stats s, String pattern) {
        return s == null ? "failed" : s.format(pattern);
    }

    // ---------------------------------------------------------------- server load

    private void server() throws Exception {
        int seconds = 5;
        line("### Server under load (wrk, 2 threads, 64 keep-alive connections, " + seconds + " s per iteration)");
        line("");
        line("| run | req/s | p50 ms | p99 ms | errors |");
        line("|---|---:|---:|---:|---:|");
        try (ServerProcess server = new ServerProcess("h2")) {
            String get = server.base + "/api/v1/applications/" + server.app;
            String bare = server.bare + "/bare";
            Wrk.run(get, server.key, 64, seconds, null); // warm-up
            Wrk.run(bare, server.key, 64, seconds, null);
            List<Wrk.Result> ours = new ArrayList<>();
            List<Wrk.Result> base = new ArrayList<>();
            for (int i = 0; i < ITERATIONS; i++) {
                base.add(Wrk.run(bare, server.key, 64, seconds, null));
                ours.add(Wrk.run(get, server.key, 64, seconds, null));
            }
            loadRow("bare Javalin handler, fixed JSON", base);
            loadRow("`GET /applications/{id}`, H2", ours);
            Stats o = Stats.of(ours.stream().map(Wrk.Result::requestsPerSecond).toList());
            Stats b = Stats.of(base.stream().map(Wrk.Result::requestsPerSecond).toList());
            getRatio = ratio(o, b);
            List<Wrk.Result> posts = new ArrayList<>();
            Wrk.run(server.base + "/api/v1/applications", server.key, 64, 2, Wrk.createApplicationScript());
            for (int i = 0; i < ITERATIONS; i++) {
                posts.add(Wrk.run(server.base + "/api/v1/applications", server.key, 64, seconds, Wrk.createApplicationScript()));
            }
            loadRow("`POST /applications`, H2", posts);
        }
        try (ServerProcess server = new ServerProcess("postgres")) {
            List<Wrk.Result> posts = new ArrayList<>();
            Wrk.run(server.base + "/api/v1/applications", server.key, 64, 2, Wrk.createApplicationScript());
            for (int i = 0; i < ITERATIONS; i++) {
                posts.add(Wrk.run(server.base + "/api/v1/applications", server.key, 64, seconds, Wrk.createApplicationScript()));
            }
            loadRow("`POST /applications`, PostgreSQL", posts);
        }
        line("");
        line("GET ÷ bare (req/s): " + getRatio + " (target ≥ 0.5×, p99 ≤ 20 ms)");
        line("");
    }

    private String getRatio;

    private void loadRow(String name, List<Wrk.Result> runs) {
        long errors = runs.stream().mapToLong(Wrk.Result::errors).sum();
        long total = runs.stream().mapToLong(Wrk.Result::requests).sum();
        line("| " + name + " | " + Stats.of(runs.stream().map(Wrk.Result::requestsPerSecond).toList()).format("%.0f")
                + " | " + Stats.of(runs.stream().map(Wrk.Result::p50Millis).toList()).format("%.2f")
                + " | " + Stats.of(runs.stream().map(Wrk.Result::p99Millis).toList()).format("%.2f")
                + " | " + errors + " of " + total + " |");
    }
}
