package ai.perstack.bench;

import ai.perstack.bench.client.ClientRounds.Latencies;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.skills.SkillEvents;
import ai.perstack.server.skills.SkillLimits;
import ai.perstack.server.skills.SkillRuntime;
import ai.perstack.server.skills.SkillSet;
import ai.perstack.server.skills.SkillSpec;
import ai.perstack.server.skills.StdioPolicy;
import ai.perstack.server.skills.StdioSkillSpec;
import ai.perstack.server.skills.TestMcpServer;
import ai.perstack.server.skills.base.TodoStore;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The cost of a tool call (issue #17 point 5), in rotating rounds ({@link AbRounds}):
 * <ul>
 *   <li>a mock job step that calls {@code echo} of the test MCP server over stdio, against the same
 *       job's plain mock step (no tool), against our MCP client alone ({@link SkillSet#call}) and against
 *       the MCP SDK's own stdio client calling the same server — each step timed by when its checkpoint
 *       reaches a client stream, so both job variants carry the same recording and delivery;</li>
 *   <li>the built-in base skill's {@code writeTextFile} / {@code readTextFile} of 1 MB against
 *       {@code Files.writeString} / {@code readString} of the same file.</li>
 * </ul>
 */
final class SkillsBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Timed steps per job; the first step of each job (after the warm-up call) is not timed. */
    private static final int STEPS = 30;
    /** The mock's think time before every step (its {@code /sleep}). */
    private static final int THINK_MS = 10;
    private static final long WINDOW_NANOS = BenchMain.WINDOW_MILLIS * 1_000_000 * 3;

    private SkillsBench() {
    }

    static void run(BenchMain main) throws Exception {
        toolCallStep(main);
        baseFiles(main);
    }

    /** The test MCP server as a command line: a JVM on this benchmark's classpath (which has the server's test jar). */
    private static List<String> testServerCommand() {
        return List.of(BenchMain.java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), TestMcpServer.class.getName());
    }

    // ---------------------------------------------------------------- one MCP call in a job step

    private static void toolCallStep(BenchMain main) throws Exception {
        Path dir = Files.createTempDirectory("bench-skills-");
        List<String> command = testServerCommand();
        List<SkillSpec> testServer = List.of(new StdioSkillSpec("t", null, null, command.get(0), null,
                command.subList(1, command.size()), List.of(), List.of(), List.of(), false));
        try (LocalPlatform platform = LocalPlatform.start(PlatformConfig.builder().port(0).dataDir(dir.resolve("data"))
                     .stdioPolicy(StdioPolicy.ANY).build());
             PerstackClient client = PerstackClient.builder().apiKey(platform.bootstrapApiKey())
                     .baseUrl(platform.baseUrl()).timeout(Duration.ofSeconds(60)).build();
             SkillSet ours = SkillSet.open(testServer, runtime(dir.resolve("ws")))) {
            McpSyncClient sdk = McpClient.sync(new StdioClientTransport(ServerParameters.builder(command.get(0))
                            .args(command.subList(1, command.size())).build(), new JacksonMcpJsonMapper(JSON)))
                    .requestTimeout(Duration.ofSeconds(30)).build();
            try {
                sdk.initialize();
                String[] job = publish(client, command);
                // The first call of each job starts the skill (and lets the stream connect); it is not timed.
                // Every step of both variants first waits THINK_MS, as a model would: steps then end further apart
                // than a stream delivers, so each checkpoint arrives on its own and the gaps time the steps.
                String warm = "/sleep " + THINK_MS + "\n/tool t echo {\"text\":\"warm\"}\n";
                String withTool = warm + "/tool t echo {\"text\":\"ping\"}\n".repeat(STEPS) + "echo";
                String withoutTool = warm + "/steps " + STEPS + "\nwork";
                ObjectNode ping = JSON.createObjectNode().put("text", "ping");
                McpSchema.CallToolRequest sdkPing = new McpSchema.CallToolRequest("echo", Map.of("text", "ping"));
                List<AbRounds.Window<Latencies>> contenders = List.of(
                        nanos -> jobSteps(client, job, withTool, nanos),
                        nanos -> jobSteps(client, job, withoutTool, nanos),
                        nanos -> calls(() -> ours.call("echo", ping), nanos),
                        nanos -> calls(() -> sdk.callTool(sdkPing), nanos),
                        // As in a job: one call after each think time, so both processes' threads have gone idle.
                        nanos -> callsAfterPauses(() -> ours.call("echo", ping), nanos),
                        // As in a job, wholly: each job starts its own skill process, so its calls meet a young JVM.
                        nanos -> callsInFreshProcesses(testServer, dir.resolve("fresh"), ping, nanos));
                List<List<Latencies>> rounds = AbRounds.run(contenders, 1, WINDOW_NANOS);
                main.line("### A job step with one MCP tool call over stdio (ms, lower is better), " + AbRounds.ROUNDS
                        + " rotating rounds");
                main.line("");
                main.line("Job steps are timed by the gaps between their checkpoints' arrivals at a client stream "
                        + "(in-process platform, H2, mock provider, " + STEPS + " steps a job, each with a " + THINK_MS
                        + " ms think time, which both columns include); the tool is `echo` of the test MCP server (a JVM over "
                        + "stdio). Overheads are taken inside each round, then the median of the rounds.");
                main.line("");
                main.line("| figure | step with `echo` | same step without a tool | overhead of the call | our MCP client alone "
                        + "(`SkillSet.call`), back to back | the same, one call every " + THINK_MS + " ms "
                        + "| the same, in a new skill process every " + STEPS + " calls (as each job starts one) "
                        + "| MCP SDK stdio client, same server, back to back | overhead ÷ SDK round trip |");
                main.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                for (String figure : List.of("p50", "p99")) {
                    java.util.function.ToDoubleFunction<Latencies> f = figure.equals("p50")
                            ? l -> l.p50() / 1e3 : l -> l.p99() / 1e3;
                    Stats overhead = perRound(rounds, r -> f.applyAsDouble(r.get(0)) - f.applyAsDouble(r.get(1)));
                    Stats ofSdk = perRound(rounds, r -> (f.applyAsDouble(r.get(0)) - f.applyAsDouble(r.get(1)))
                            / f.applyAsDouble(r.get(3)));
                    main.line("| " + figure + " | " + AbRounds.column(rounds, 0, f).format("%.3f") + " | "
                            + AbRounds.column(rounds, 1, f).format("%.3f") + " | " + overhead.format("%.3f") + " | "
                            + AbRounds.column(rounds, 2, f).format("%.3f") + " | " + AbRounds.column(rounds, 4, f).format("%.3f")
                            + " | " + AbRounds.column(rounds, 5, f).format("%.3f") + " | " + AbRounds.column(rounds, 3, f).format("%.3f")
                            + " | " + AbRounds.times(ofSdk) + " |");
                }
                main.line("");
            } finally {
                sdk.closeGracefully();
            }
        } finally {
            // The test server outlives the end of its stdin; end any this benchmark started.
            ProcessHandle.current().descendants().filter(p -> commandLine(p).contains(TestMcpServer.class.getName()))
                    .forEach(ProcessHandle::destroyForcibly);
            deleteTree(dir);
        }
    }

    /** Publishes a one-expert definition whose skill {@code t} is the test server; returns {application id, expert key}. */
    private static String[] publish(PerstackClient client, List<String> command) {
        String app = client.applications().create(CreateApplicationInput.builder().name("bench-skills").build())
                .orElseThrow().data().application().id();
        ObjectNode expert = JSON.createObjectNode().put("key", "main").put("name", "main").put("instruction", "Echo.");
        ObjectNode skill = expert.putObject("skills").putObject("t").put("type", "mcpStdioSkill").put("command", command.get(0));
        command.subList(1, command.size()).forEach(skill.putArray("args")::add);
        expert.putArray("delegates");
        String scope = "@local/bench-skills";
        String draft = client.experts().drafts().create(scope, CreateDraftInput.builder().applicationId(app)
                .experts(List.of(Expert.fromJson(expert))).build()).orElseThrow().data().draft().id();
        client.experts().drafts().assignVersion(scope, draft, AssignVersionInput.of("1.0.0")).orElseThrow();
        return new String[] {app, scope + "@1.0.0"};
    }

    /** Runs jobs of {@code query} for about {@code nanos}; each timed step is the gap between two checkpoints' arrivals. */
    private static Latencies jobSteps(PerstackClient client, String[] job, String query, long nanos) {
        long[] gaps = new long[1024];
        int n = 0;
        long end = System.nanoTime() + nanos;
        do {
            String id = client.jobs().start(StartJobInput.builder().applicationId(job[0]).expertKey(job[1])
                    .provider("mock").query(query).maxSteps(1000).build()).orElseThrow().data().job().id();
            List<Long> arrivals = new ArrayList<>();
            try (CheckpointStream stream = client.jobs().checkpoints().stream(id)) {
                for (ApiResult<Checkpoint> r : stream) {
                    r.orElseThrow();
                    arrivals.add(System.nanoTime());
                }
            }
            // checkpoints: query, warm-up call, STEPS timed steps, complete; a gap ends at each timed step after the first
            if (arrivals.size() != STEPS + 3) {
                throw new IllegalStateException("job " + id + " gave " + arrivals.size() + " checkpoints, not " + (STEPS + 3));
            }
            for (int i = 3; i < 2 + STEPS; i++) {
                if (n == gaps.length) {
                    gaps = Arrays.copyOf(gaps, n * 2);
                }
                gaps[n++] = arrivals.get(i) - arrivals.get(i - 1);
            }
        } while (System.nanoTime() < end);
        return latencies(gaps, n);
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws Exception;
    }

    /** Calls {@code call} back to back for about {@code nanos}, timing each. */
    private static Latencies calls(Call call, long nanos) throws Exception {
        return ai.perstack.bench.client.ClientRounds.backToBack(call::call, nanos);
    }

    /** Calls {@code call} for about {@code nanos}, sleeping {@link #THINK_MS} before each and timing each call alone. */
    private static Latencies callsAfterPauses(Call call, long nanos) throws Exception {
        long[] samples = new long[1 << 10];
        int n = 0;
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.sleep(THINK_MS);
            long before = System.nanoTime();
            call.call();
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = System.nanoTime() - before;
        }
        return latencies(samples, n);
    }

    /**
     * Like {@link #callsAfterPauses}, but as a job lives: a skill process of its own, started and
     * warmed by one untimed call, then {@link #STEPS} timed calls, then closed, over and over. A
     * job's skill process is young when its calls come: its JIT is still compiling (C1 only, as
     * the tests start it) and it still loads classes.
     */
    private static Latencies callsInFreshProcesses(List<SkillSpec> spec, Path workspace, ObjectNode args, long nanos)
            throws Exception {
        long[] samples = new long[1 << 10];
        int n = 0;
        long end = System.nanoTime() + nanos;
        do {
            try (SkillSet fresh = SkillSet.open(spec, runtime(workspace))) {
                fresh.call("echo", args);
                for (int i = 0; i < STEPS; i++) {
                    Thread.sleep(THINK_MS);
                    long before = System.nanoTime();
                    fresh.call("echo", args);
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - before;
                }
            }
        } while (System.nanoTime() < end);
        return latencies(samples, n);
    }

    /** Percentiles in µs, as {@link Latencies} holds them. */
    private static Latencies latencies(long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return new Latencies(sorted[n / 2] / 1e3, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e3, n);
    }

    private static Stats perRound(List<List<Latencies>> rounds, java.util.function.ToDoubleFunction<List<Latencies>> f) {
        List<Double> values = new ArrayList<>();
        rounds.forEach(r -> values.add(f.applyAsDouble(r)));
        return Stats.of(values);
    }

    // ---------------------------------------------------------------- base file tools, 1 MB

    /** The base file tools' rows alone ({@code ./bench/run files}). */
    static void baseFiles(BenchMain main) throws Exception {
        Path dir = Files.createTempDirectory("bench-base-");
        StringBuilder text = new StringBuilder(1 << 20);
        for (int line = 0; text.length() < (1 << 20) - 100; line++) {
            text.append("line ").append(line).append(": the quick brown fox jumps over the lazy dog — ünïcödé ✓\n");
        }
        String content = text.toString();
        Path file = dir.resolve("big.txt");
        try (SkillSet base = SkillSet.open(List.<SkillSpec>of(StdioSkillSpec.defaultBase()), runtime(dir))) {
            ObjectNode write = JSON.createObjectNode().put("path", "big.txt").put("text", content);
            ObjectNode read = JSON.createObjectNode().put("path", "big.txt");
            base.call("writeTextFile", write);
            if (!base.call("readTextFile", read).firstText().contains("quick brown fox")) {
                throw new IllegalStateException("readTextFile did not return the file");
            }
            List<AbRounds.Window<Latencies>> contenders = List.of(
                    nanos -> calls(() -> base.call("writeTextFile", write), nanos),
                    nanos -> calls(() -> Files.writeString(file, content, StandardCharsets.UTF_8), nanos),
                    nanos -> calls(() -> base.call("readTextFile", read), nanos),
                    nanos -> calls(() -> Files.readString(file, StandardCharsets.UTF_8), nanos));
            List<List<Latencies>> rounds = AbRounds.run(contenders, 2, WINDOW_NANOS / 3);
            int bytes = content.getBytes(StandardCharsets.UTF_8).length;
            main.line("### The base skill's file tools on a " + bytes + "-byte file (ms, lower is better), "
                    + AbRounds.ROUNDS + " rotating rounds");
            main.line("");
            main.line("| tool | p50 | p99 | `Files` p50 | `Files` p99 | ratio p50, per round | ratio p99, per round |");
            main.line("|---|---:|---:|---:|---:|---:|---:|");
            String[] names = {"`writeTextFile` ÷ `Files.writeString`", "`readTextFile` ÷ `Files.readString`"};
            for (int k = 0; k < 2; k++) {
                int ourIndex = 2 * k;
                int peer = 2 * k + 1;
                main.line("| " + names[k] + " | " + AbRounds.column(rounds, ourIndex, l -> l.p50() / 1e3).format("%.2f")
                        + " | " + AbRounds.column(rounds, ourIndex, l -> l.p99() / 1e3).format("%.2f")
                        + " | " + AbRounds.column(rounds, peer, l -> l.p50() / 1e3).format("%.2f")
                        + " | " + AbRounds.column(rounds, peer, l -> l.p99() / 1e3).format("%.2f")
                        + " | " + AbRounds.times(AbRounds.ratio(rounds, ourIndex, peer, Latencies::p50))
                        + " | " + AbRounds.times(AbRounds.ratio(rounds, ourIndex, peer, Latencies::p99)) + " |");
            }
            main.line("");
        } finally {
            deleteTree(dir);
        }
    }

    private static SkillRuntime runtime(Path workspace) throws java.io.IOException {
        Files.createDirectories(workspace);
        Map<String, String> host = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", System.getProperty("user.home"));
        return new SkillRuntime(Workspace.at(workspace), Map.of(), host, TodoStore.inMemory(), StdioPolicy.ANY,
                SkillLimits.DEFAULT, false, SkillEvents.NONE);
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")), StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return p.info().commandLine().orElse("");
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
