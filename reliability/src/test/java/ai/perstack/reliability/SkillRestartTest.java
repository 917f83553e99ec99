package ai.perstack.reliability;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.Seed;
import ai.perstack.reliability.support.ServerProcess;
import ai.perstack.server.skills.TestMcpServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ai.perstack.server.testing.Postgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #13's "after a SIGKILL and restart the skills are started again and the job goes on": a
 * {@code perstack serve} process runs a job whose expert has a stdio MCP skill (the test MCP
 * server, which ignores the end of its stdin and so outlives a killed parent) and is killed with
 * SIGKILL half-way through the job's tool calls. The skill process is left behind; a restart on
 * the same data ends it (the workspace's process ledger), starts the skill again as a new
 * process, and the job's remaining tool calls succeed on it. At the end no skill process is left.
 */
@Tag("long")
class SkillRestartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOOL_STEPS = 12;
    private static final int CHECKPOINTS = TOOL_STEPS + 2; // query, one per tool call, complete

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aKilledServersSkillIsEndedAndStartedAgainAndTheJobCompletes(String backend) throws Exception {
        String test = "SkillRestartTest[" + backend + "]";
        boolean postgres = backend.equals("postgresql");
        String databaseUrl = postgres ? Postgres.newDatabaseUrl() : null;
        // On every skill process's command line, so only this test's processes are counted (other
        // builds on the machine may run the same test server).
        String marker = "-Dperstack.skillRestartTest=" + UUID.randomUUID();
        Path dataDir = Platforms.newDataDir();
        String apiKey = Platforms.newApiKey();
        int port = CrashRecoveryTest.freePort();
        ServerProcess server = ServerProcess.start(dataDir, databaseUrl, apiKey, port, "skill-restart-" + backend);
        ServerProcess restarted = null;
        PerstackClient client = Seed.client(server.baseUrl(), apiKey, Duration.ofSeconds(30), 2);
        try {
            Published expert = publishExpertWithStdioSkill(client, marker);
            StringBuilder query = new StringBuilder("/sleep 300\n");
            for (int i = 0; i < TOOL_STEPS; i++) {
                query.append("/tool t pid {}\n");
            }
            Job job = client.jobs().start(StartJobInput.builder().applicationId(expert.applicationId()).expertKey(expert.expertKey())
                    .provider("mock").query(query + "Report the skill's process id at every step").build())
                    .orElseThrow().data().job();

            // Kill once a few tool calls are recorded, with most still to come.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<Long> pidsBefore = pids(client, job.id());
            while (pidsBefore.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                pidsBefore = pids(client, job.id());
            }
            assertThat(pidsBefore).as("tool calls before the kill").hasSizeGreaterThanOrEqualTo(4);
            assertThat(pidsBefore).as("one skill process served them").containsOnly(pidsBefore.get(0));
            long orphan = pidsBefore.get(0);
            assertThat(skillProcesses(marker)).containsExactly(orphan);

            int exit = server.kill();
            assertThat(exit).as("exit status of a process ended by SIGKILL (128 + 9)").isEqualTo(137);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the skill outlived its killed server (it ignores the end of its stdin)").isTrue();

            restarted = ServerProcess.start(dataDir, databaseUrl, apiKey, port, "skill-restart-" + backend + "-restarted");
            // On PostgreSQL the job is taken over once the dead process's 30 s lease has run out.
            CrashRecoveryTest.awaitFinal(client, job.id(), Duration.ofSeconds(postgres ? 120 : 90));
            Job finished = client.jobs().get(job.id()).orElseThrow().data().job();
            assertThat(finished.status()).as("job %s, error %s", job.id(), finished.error()).isEqualTo(JobStatus.COMPLETED);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .as("the skill left by the killed server was ended at the restart").isFalse();

            List<Checkpoint> checkpoints = new ArrayList<>();
            client.jobs().checkpoints().listAll(job.id()).forEach(checkpoints::add);
            assertThat(checkpoints).extracting(Checkpoint::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, CHECKPOINTS).boxed().toList());
            List<Activity.GeneralTool> calls = checkpoints.stream().map(Checkpoint::activity)
                    .filter(a -> a instanceof Activity.GeneralTool).map(a -> (Activity.GeneralTool) a).toList();
            assertThat(calls).hasSize(TOOL_STEPS).allSatisfy(c -> {
                assertThat(c.toolName()).isEqualTo("pid");
                assertThat(c.error()).isEmpty();
            });
            List<Long> pids = calls.stream().map(SkillRestartTest::pidOf).toList();
            long after = pids.get(pids.size() - 1);
            assertThat(after).as("the skill was started again as a new process").isNotEqualTo(orphan);
            assertThat(pids).as("every call before the kill on the first process, every one after on the second")
                    .containsOnly(orphan, after);
            int onTheFirst = pids.lastIndexOf(orphan) + 1;
            assertThat(onTheFirst).as("calls on the first skill process: the kill came mid-way").isLessThan(TOOL_STEPS);
            assertThat(pids.subList(onTheFirst, pids.size())).isNotEmpty().containsOnly(after);

            // The job's skills close when it ends: nothing of this test's skill processes is left.
            assertThat(awaitNoSkillProcess(marker, Duration.ofSeconds(30))).as("skill processes left").isEmpty();
            Figures.record(test, "tool calls on the first skill process (before SIGKILL)", onTheFirst);
            Figures.record(test, "tool calls on the restarted skill process", pids.size() - onTheFirst);
            Figures.record(test, "skill processes left at the end", 0);
        } finally {
            client.close();
            server.close();
            if (restarted != null) {
                restarted.close();
            }
            skillProcesses(marker).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /** An application and the published expert key to start jobs with. */
    private record Published(String applicationId, String expertKey) {
    }

    /** Publishes {@code @local/skilled@1.0.0}: one expert whose skill {@code t} is the test MCP server over stdio. */
    private static Published publishExpertWithStdioSkill(PerstackClient client, String marker) {
        String appId = client.applications().create(CreateApplicationInput.builder().name("skill-restart").build())
                .orElseThrow().data().application().id();
        ObjectNode expert = JSON.createObjectNode().put("key", "main").put("name", "main").put("version", "1.0.0")
                .put("instruction", "Report the skill's process id.");
        ObjectNode skill = expert.putObject("skills").putObject("t").put("type", "mcpStdioSkill")
                .put("command", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ArrayNode args = skill.putArray("args");
        Stream.of(marker, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TestMcpServer.class.getName()).forEach(args::add);
        expert.putArray("delegates");
        String scope = "@local/skilled";
        String draft = client.experts().drafts().create(scope, CreateDraftInput.builder().applicationId(appId)
                .experts(List.of(Expert.fromJson(expert))).build()).orElseThrow().data().draft().id();
        client.experts().drafts().assignVersion(scope, draft, AssignVersionInput.of("1.0.0")).orElseThrow();
        return new Published(appId, scope + "@1.0.0");
    }

    private static List<Long> pids(PerstackClient client, String jobId) {
        List<Long> pids = new ArrayList<>();
        for (Checkpoint c : client.jobs().checkpoints().listAll(jobId)) {
            if (c.activity() instanceof Activity.GeneralTool g && g.toolName().equals("pid")) {
                pids.add(pidOf(g));
            }
        }
        return pids;
    }

    private static long pidOf(Activity.GeneralTool call) {
        return Long.parseLong(call.result().orElseThrow().path(0).path("text").asText().trim());
    }

    /** Live processes on this machine whose command line carries {@code marker} (read from /proc). */
    private static List<Long> skillProcesses(String marker) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains(marker)) {
                        found.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    private static List<Long> awaitNoSkillProcess(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> left = skillProcesses(marker);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = skillProcesses(marker);
        }
        return left;
    }
}
