package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.EventStream;
import ai.perstack.server.testing.EventStream.Event;
import ai.perstack.server.testing.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Platforms of their own (H2 in a data directory): restarts, pings, and the delivery latency figure. */
class JobRecoveryTest {

    @Test
    void aJobRunningWhenThePlatformStopsResumesFromItsLastCheckpointOnRestart() {
        Path dir = Platforms.newDataDir();
        String key;
        String org = "org-restart";
        String id;
        try (LocalPlatform first = LocalPlatform.start(Platforms.config(Backend.H2, dir, 0).build())) {
            key = first.createApiKey(org);
            JobsFixture f = new JobsFixture(new Api(first.baseUrl(), key, org));
            id = f.startId("/steps 8\n/sleep 50\nSurvive");
            long deadline = System.currentTimeMillis() + 10_000;
            while (f.job(id).get("totalSteps").asInt() < 3 && System.currentTimeMillis() < deadline) {
                JobsFixture.sleep(10);
            }
        }
        try (LocalPlatform second = LocalPlatform.start(Platforms.config(Backend.H2, dir, 0).build())) {
            Api api = new Api(second.baseUrl(), key, org);
            JsonNode job = awaitFinished(api, id);
            assertThat(job.get("status").asText()).isEqualTo("completed");
            assertThat(job.get("totalSteps").asInt()).isEqualTo(10);
            try (EventStream s = EventStream.open(api, id, null)) {
                List<Integer> seqs = s.untilDone(10).stream().filter(e -> e.name().equals("checkpoint"))
                        .map(e -> Integer.parseInt(e.id())).toList();
                assertThat(seqs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            }
        }
    }

    @Test
    void idleStreamsSendPingsAtTheConfiguredInterval() {
        try (LocalPlatform p = LocalPlatform.start(Platforms.config(Backend.H2, Platforms.newDataDir(), 0)
                .streamPing(Duration.ofMillis(100)).build())) {
            JobsFixture f = new JobsFixture(Platforms.newOrganization(p));
            String id = f.startId("/steps 100\n/sleep 20\nIdle");
            f.api.post("/api/v1/jobs/" + id, java.util.Map.of("status", "paused"));
            try (EventStream s = EventStream.open(f.api, id, null)) {
                int pings = 0;
                long deadline = System.currentTimeMillis() + 5_000;
                while (pings < 3 && System.currentTimeMillis() < deadline) {
                    if (s.next(5).name().equals("comment")) {
                        pings++;
                    }
                }
                assertThat(pings).isEqualTo(3);
            }
        }
    }

    /**
     * Reports the median time from a checkpoint's commit (its {@code finishedAt}) to its arrival
     * at a streaming client, over 1,000 checkpoints. A figure to read, not an assertion.
     */
    @Test
    void measuresCommitToDeliveryLatency() {
        try (LocalPlatform p = LocalPlatform.start(Platforms.config(Backend.H2, Platforms.newDataDir(), 0).build())) {
            JobsFixture f = new JobsFixture(Platforms.newOrganization(p));
            String id = f.startId("/steps 998\n/sleep 1\nMeasure", "maxSteps", 2000);
            List<Long> latencies = new ArrayList<>();
            try (EventStream s = EventStream.open(f.api, id, null)) {
                for (Event e : s.untilDone(120)) {
                    if (e.name().equals("checkpoint")) {
                        String finished = e.data().replaceAll(".*\"finishedAt\":\"([^\"]+)\".*", "$1");
                        long committedMs = java.time.Instant.parse(finished).toEpochMilli();
                        long arrivedMs = System.currentTimeMillis() - (System.nanoTime() - e.arrivedNanos()) / 1_000_000L;
                        latencies.add(arrivedMs - committedMs);
                    }
                }
            }
            assertThat(latencies).hasSize(1000);
            List<Long> sorted = latencies.stream().sorted().toList();
            System.out.printf("commit-to-delivery over %d checkpoints: median %d ms, p90 %d ms, p99 %d ms%n",
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10),
                    sorted.get(sorted.size() * 99 / 100));
        }
    }

    private static JsonNode awaitFinished(Api api, String id) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonNode job = api.get("/api/v1/jobs/" + id).data("job");
            String status = job.get("status").asText();
            if (!status.equals("running") && !status.equals("queued")) {
                return job;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job still " + status);
            }
            JobsFixture.sleep(20);
        }
    }
}
