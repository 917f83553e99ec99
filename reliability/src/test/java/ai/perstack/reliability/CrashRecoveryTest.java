package ai.perstack.reliability;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.server.testing.Postgres;
import ai.perstack.reliability.support.RawApi;
import ai.perstack.reliability.support.Seed;
import ai.perstack.reliability.support.ServerProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code perstack serve} as a child process, killed with SIGKILL while 20 jobs run, restarted on
 * the same data directory (H2) or database (PostgreSQL): every job finishes, every job's
 * checkpoints are gapless and duplicate-free, nothing else in the store changed, and a client
 * that was streaming a job across the crash saw each checkpoint exactly once.
 */
@Tag("long")
class CrashRecoveryTest {
    private static final int JOBS = 20;
    private static final int CHECKPOINTS_PER_JOB = 32; // init + 30 think steps + complete

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void jobsSurviveASigkillOfTheServerProcess(String backend) throws Exception {
        String test = "CrashRecoveryTest[" + backend + "]";
        boolean postgres = backend.equals("postgresql");
        Path dataDir = Platforms.newDataDir();
        String databaseUrl = postgres ? Postgres.newDatabaseUrl() : null;
        String apiKey = Platforms.newApiKey();
        int port = freePort();
        // 20 workers, so that all 20 jobs run at once when the process dies.
        List<String> workers = List.of("--workers", Integer.toString(JOBS));
        ServerProcess server = ServerProcess.start(dataDir, databaseUrl, apiKey, port, "crash-" + backend, workers);
        PerstackClient client = Seed.client(server.baseUrl(), apiKey, Duration.ofSeconds(30), 2);
        Seed seed = Seed.create(client, "local", "crash");
        for (int i = 0; i < 5; i++) {
            client.applications().create(CreateApplicationInput.builder().name("keep-" + i).build()).orElseThrow();
            client.env().variables().create(CreateVariableInput.builder().name("KEEP_VAR_" + i).value("value " + i).build()).orElseThrow();
            client.env().secrets().create(CreateSecretInput.builder().name("KEEP_SECRET_" + i).value("secret " + i).build()).orElseThrow();
        }
        Job finished = seed.start("Finished before the crash");
        awaitFinal(client, finished.id(), Duration.ofSeconds(30));
        RawApi raw = new RawApi(server.baseUrl(), apiKey);
        Map<String, String> before = snapshot(raw, finished.id());

        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobIds.add(seed.start("Crash job " + i + "\n/steps 30\n/sleep 50").id());
        }
        // A client streams the first job across the crash; it may reconnect for a while.
        List<Long> streamed = new CopyOnWriteArrayList<>();
        CheckpointStream stream = client.jobs().checkpoints().stream(jobIds.get(0), StreamRequestOptions.builder()
                .maxRetries(12).streamIdleTimeout(Duration.ofSeconds(60)).build());
        CompletableFuture<java.util.Optional<JobStatus>> streaming = stream.forEachAsync(
                r -> streamed.add(r.orElseThrow().sequence()));

        // Kill while every job is mid-way: running, with a few checkpoints written.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && minCheckpoints(raw, jobIds) < 3) {
            Thread.sleep(100);
        }
        int running = 0;
        for (String id : jobIds) {
            if (client.jobs().get(id).orElseThrow().data().job().status().equals(JobStatus.RUNNING)) {
                running++;
            }
        }
        int writtenAtKill = totalCheckpoints(raw, jobIds);
        int exit = server.kill();
        assertThat(exit).as("exit status of a process ended by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(server.logContains("Stopping: draining")).as("no shutdown hook ran").isFalse();
        assertThat(writtenAtKill).isLessThan(JOBS * CHECKPOINTS_PER_JOB);
        assertThat(running).as("jobs running at the kill").isEqualTo(JOBS);

        ServerProcess restarted = ServerProcess.start(dataDir, databaseUrl, apiKey, port, "crash-" + backend + "-restarted",
                workers);
        try {
            for (String id : jobIds) {
                awaitFinal(client, id, Duration.ofSeconds(postgres ? 120 : 90));
            }
            int gaps = 0;
            int duplicates = 0;
            int checkpoints = 0;
            for (String id : jobIds) {
                Job job = client.jobs().get(id).orElseThrow().data().job();
                assertThat(job.status()).as("job %s", id).isEqualTo(JobStatus.COMPLETED);
                JsonNode listed = raw.getJson("/jobs/" + id + "/checkpoints?take=100");
                List<Long> sequences = new ArrayList<>();
                listed.path("data").path("checkpoints").forEach(c -> sequences.add(c.path("sequence").asLong()));
                duplicates += sequences.size() - (int) sequences.stream().distinct().count();
                gaps += CHECKPOINTS_PER_JOB - (int) sequences.stream().distinct().count();
                checkpoints += sequences.size();
                assertThat(sequences).as("job %s", id)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, CHECKPOINTS_PER_JOB).boxed().toList());
                assertThat(job.totalSteps()).isEqualTo(CHECKPOINTS_PER_JOB);
            }
            assertThat(streaming.get(60, TimeUnit.SECONDS)).contains(JobStatus.COMPLETED);
            assertThat(streamed).containsExactlyElementsOf(LongStream.rangeClosed(1, CHECKPOINTS_PER_JOB).boxed().toList());

            RawApi after = new RawApi(restarted.baseUrl(), apiKey);
            assertThat(snapshot(after, finished.id())).isEqualTo(before);
            Figures.record(test, "jobs running at SIGKILL", running);
            Figures.record(test, "checkpoints written before the kill", writtenAtKill);
            Figures.record(test, "kill exit status", exit);
            Figures.record(test, "jobs completed after restart", JOBS);
            Figures.record(test, "checkpoints verified", checkpoints);
            Figures.record(test, "gaps", gaps);
            Figures.record(test, "duplicates", duplicates);
            Figures.record(test, "streamed across the crash (exactly once)", streamed.size());
        } finally {
            stream.close();
            client.close();
            restarted.close();
        }
    }

    /** Everything but the jobs that were running: it must survive byte for byte. */
    static Map<String, String> snapshot(RawApi raw, String finishedJobId) {
        Map<String, String> s = new LinkedHashMap<>();
        for (String path : List.of("/applications?take=100&order=asc", "/env/variables", "/env/secrets",
                "/experts?includeDrafts=true", "/experts/@local/writer/versions", "/experts/@local/writer",
                "/jobs/" + finishedJobId, "/jobs/" + finishedJobId + "/checkpoints?take=100")) {
            s.put(path, raw.get(path));
        }
        return s;
    }

    private static int minCheckpoints(RawApi raw, List<String> jobIds) {
        int min = Integer.MAX_VALUE;
        for (String id : jobIds) {
            min = Math.min(min, raw.getJson("/jobs/" + id + "/checkpoints?take=1").path("meta").path("total").asInt());
        }
        return min;
    }

    private static int totalCheckpoints(RawApi raw, List<String> jobIds) {
        int total = 0;
        for (String id : jobIds) {
            total += raw.getJson("/jobs/" + id + "/checkpoints?take=1").path("meta").path("total").asInt();
        }
        return total;
    }

    static void awaitFinal(PerstackClient client, String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ApiResult<?> r = client.jobs().get(jobId);
            if (r.ok()) {
                JobStatus status = client.jobs().get(jobId).orElseThrow().data().job().status();
                if (!status.equals(JobStatus.QUEUED) && !status.equals(JobStatus.RUNNING) && !status.equals(JobStatus.PAUSED)) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not reach a final status within " + timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
