package ai.perstack.bench;

import ai.perstack.bench.client.ClientRounds;
import ai.perstack.bench.sse.SseCorpus;
import ai.perstack.bench.sse.SseDrivers;
import ai.perstack.bench.sse.SseRounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every benchmark of the suite and writes the report tables to
 * {@code bench/target/results.md}. Sections: {@code sse client server jobs stream fanout memory cli skills};
 * no argument runs them all. {@code files} runs only the base file tools' rows of {@code skills}. Every figure is the median of at least five iterations, with min–max.
 */
public final class BenchMain {
    static final int ITERATIONS = 5;
    static final List<String> SECTIONS = List.of("sse", "client", "server", "jobs", "stream", "fanout", "memory", "cli",
            "skills", "files");

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Set<String> sections = args.length == 0
                ? Set.copyOf(SECTIONS) : Set.of(args);
        BenchMain main = new BenchMain();
        main.header();
        for (String s : SECTIONS) {
            if (sections.contains(s)) {
                System.out.println("== " + s);
                switch (s) {
                    case "sse" -> main.sse();
                    case "client" -> main.client();
                    case "server" -> main.server();
                    case "jobs" -> JobsBench.jobsPerSecond(main);
                    case "fanout" -> FanOutBench.run(main);
                    case "stream" -> FanOutBench.oneSubscriber(main);
                    case "memory" -> JobsBench.clientMemory(main);
                    case "cli" -> CliStartup.run(main);
                    case "skills" -> SkillsBench.run(main);
                    case "files" -> {
                        // a part of skills: run on its own only when skills does not run it already
                        if (!sections.contains("skills")) {
                            SkillsBench.baseFiles(main);
                        }
                    }
                    default -> throw new IllegalArgumentException(s);
                }
            }
        }
        main.line("Load average (1, 5, 15 min) at the start: " + main.loadAtStart + "; at the end: " + loadAverage());
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

    private String loadAtStart;

    /** {@code /proc/loadavg}'s three load averages: on a shared machine, how busy the others kept it. */
    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private void header() throws IOException {
        loadAtStart = loadAverage();
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
        line("Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores; JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        line("");
    }

    // ---------------------------------------------------------------- SSE parser

    /** Milliseconds each contender runs per round in the rotating-round rows. */
    static final long WINDOW_MILLIS = Long.getLong("bench.window", 700);

    private void sse() throws Exception {
        String[] corpora = {SseCorpus.SMALL_LF, SseCorpus.SMALL_CRLF, SseCorpus.CHECKPOINT_2K, SseCorpus.ONE_5MB,
            SseCorpus.EVENTS_5K, SseCorpus.EVENTS_50K, SseCorpus.EVENTS_500K};
        line("### SSE parser throughput (MB/s, higher is better), " + AbRounds.ROUNDS + " rotating rounds of "
                + WINDOW_MILLIS + " ms per contender");
        line("");
        line("Each cell: median (min–max) over the rounds, by the wall clock; each ratio is taken inside a round, then "
                + "the median of those. The \"by CPU time\" ratios divide by this process's CPU time instead (GC and JIT "
                + "threads included), which ignores time given to other processes.");
        line("");
        line("| corpus | bytes | perstack | okhttp-sse | okhttp-eventsource | floor (decode + LF scan) "
                + "| perstack ÷ okhttp-sse | perstack ÷ okhttp-eventsource | perstack ÷ floor "
                + "| by CPU time: ÷ okhttp-sse | ÷ okhttp-eventsource | ÷ floor |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String c : corpora) {
            SseCorpus corpus = SseCorpus.of(c);
            StringBuilder wrong = new StringBuilder();
            for (String p : List.of("perstack", "perstack-stream", "okhttp-sse", "okhttp-eventsource")) {
                String problem = SseDrivers.byLabel(p).check(corpus);
                if (problem != null) {
                    wrong.append(' ').append(p).append(": ").append(problem);
                }
            }
            if (wrong.length() > 0) {
                line("| " + c + " | wrong:" + wrong + " |");
                continue;
            }
            System.out.println("  " + c);
            List<List<SseRounds.Throughput>> rounds = SseRounds.run(corpus, WINDOW_MILLIS * 1_000_000);
            StringBuilder row = new StringBuilder("| " + c + " | " + corpus.bytes().length);
            for (int k = 0; k < SseRounds.CONTENDERS.size(); k++) {
                row.append(" | ").append(AbRounds.column(rounds, k, SseRounds.Throughput::wallMBs).format("%.0f"));
            }
            for (int peer = 1; peer < SseRounds.CONTENDERS.size(); peer++) {
                row.append(" | ").append(AbRounds.times(AbRounds.ratio(rounds, 0, peer, SseRounds.Throughput::wallMBs)));
            }
            for (int peer = 1; peer < SseRounds.CONTENDERS.size(); peer++) {
                row.append(" | ").append(AbRounds.times(AbRounds.ratio(rounds, 0, peer, SseRounds.Throughput::cpuMBs)));
            }
            line(row.append(" |").toString());
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

    private void client() throws Exception {
        List<List<ClientRounds.Latencies>> rounds = ClientRounds.run(WINDOW_MILLIS * 1_000_000 * 2);
        line("### Client call overhead: `applications().get` on loopback (µs, lower is better), " + AbRounds.ROUNDS
                + " rotating rounds");
        line("");
        line("| figure | perstack client | hand-written call: java.net.http + Jackson, request per call, typed result "
                + "| ratio, per round (target ≤ 1.10×) | floor: one pre-built request, tree only | ratio to the floor, per round |");
        line("|---|---:|---:|---:|---:|---:|");
        for (String figure : List.of("p50", "p99")) {
            java.util.function.ToDoubleFunction<ClientRounds.Latencies> f = figure.equals("p50")
                    ? ClientRounds.Latencies::p50 : ClientRounds.Latencies::p99;
            line("| " + figure + " | " + AbRounds.column(rounds, 0, f).format("%.1f") + " | "
                    + AbRounds.column(rounds, 1, f).format("%.1f") + " | " + AbRounds.times(AbRounds.ratio(rounds, 0, 1, f))
                    + " | " + AbRounds.column(rounds, 2, f).format("%.1f") + " | "
                    + AbRounds.times(AbRounds.ratio(rounds, 0, 2, f)) + " |");
        }
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
