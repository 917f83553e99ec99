package ai.perstack.server;

import ai.perstack.server.testing.EventStream;
import ai.perstack.server.testing.EventStream.Event;
import ai.perstack.server.testing.Res;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointStreamTest extends ApiTest {

    private static List<Integer> ids(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("checkpoint")).map(e -> Integer.parseInt(e.id())).toList();
    }

    @Test
    void replaysAFinishedJobThenSendsDone() {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("Replay me");
        f.await(id, "completed");
        try (EventStream s = EventStream.open(f.api, id, null)) {
            assertThat(s.status()).isEqualTo(200);
            assertThat(s.header("Content-Type")).startsWith("text/event-stream");
            assertThat(s.header("Cache-Control")).isEqualTo("no-cache");
            List<Event> events = s.untilDone(10);
            assertThat(ids(events)).containsExactly(1, 2, 3);
            Event done = events.get(events.size() - 1);
            assertThat(done.name()).isEqualTo("done");
            assertThat(done.data()).isEqualTo("{\"status\":\"completed\"}");
            assertThat(events.get(0).data()).contains("\"sequence\":1").doesNotContain("\n");
            assertThat(s.next(5).name()).isEqualTo("eof");
        }
    }

    @Test
    void tailsLiveAndResumesAfterLastEventId() {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("/steps 6\n/sleep 30\nLive");
        try (EventStream s = EventStream.open(f.api, id, null)) {
            assertThat(ids(s.untilDone(20))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        }
        try (EventStream s = EventStream.open(f.api, id, "5")) {
            assertThat(ids(s.untilDone(10))).containsExactly(6, 7, 8);
        }
        try (EventStream s = EventStream.open(f.api, id, "0")) {
            assertThat(ids(s.untilDone(10))).hasSize(8);
        }
    }

    @Test
    void badLastEventIdIsAJson400AndUnknownJobA404() throws Exception {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("x");
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(f.api.baseUrl() + "/api/v1/jobs/" + id + "/checkpoints/stream"))
                .header("Authorization", "Bearer " + f.api.key()).header("Last-Event-ID", "abc").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(bad.body()).contains("Last-Event-ID");
        Res missing = f.api.get("/api/v1/jobs/abcdefghijklmnopqrstuvwx/checkpoints/stream");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(anonymous().get("/api/v1/jobs/" + id + "/checkpoints/stream").status()).isEqualTo(401);
    }

    @Test
    void pausedJobKeepsTheStreamOpenWithPingsUntilCanceled() {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("/steps 100\n/sleep 20\nPause me");
        f.await(id, "running");
        while (f.checkpoints(id).isEmpty()) { // a pause before the first step would leave nothing to replay
            JobsFixture.sleep(10);
        }
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 200);
        try (EventStream s = EventStream.open(f.api, id, null)) {
            JobsFixture.sleep(300);
            expect(f.api.post("/api/v1/jobs/" + id + "/cancel", null), 200);
            List<Event> events = s.untilDone(10);
            assertThat(events.get(events.size() - 1).data()).isEqualTo("{\"status\":\"canceled\"}");
            List<Integer> seqs = ids(events);
            assertThat(seqs).isNotEmpty();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void fiftyConcurrentSubscribersSeeTheSameSequenceAndALateOneGetsEverything() throws Exception {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("/steps 20\n/sleep 10\nCrowd");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    try (EventStream s = EventStream.open(f.api, id, null)) {
                        List<Event> events = s.untilDone(60);
                        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
                        return ids(events);
                    }
                }));
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= 22; i++) {
                expected.add(i);
            }
            for (Future<List<Integer>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
            try (EventStream late = EventStream.open(f.api, id, null)) {
                assertThat(ids(late.untilDone(10))).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void moreSubscribersThanRequestThreadsAllGetEverythingWhileOtherRequestsAreServed() throws Exception {
        JobsFixture f = new JobsFixture(newOrg());
        String id = f.startId("/steps 30\n/sleep 20\nMany");
        f.await(id, "running");
        expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "paused")), 200);
        int subscribers = 300; // more than Jetty's request thread pool
        List<EventStream> streams = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<EventStream>> opening = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                opening.add(pool.submit(() -> EventStream.open(f.api, id, null)));
            }
            for (Future<EventStream> o : opening) {
                EventStream s = o.get(60, java.util.concurrent.TimeUnit.SECONDS);
                streams.add(s);
                assertThat(s.status()).isEqualTo(200);
            }
            // Every stream is open and waiting on the paused job; the server still answers others quickly.
            long t0 = System.nanoTime();
            Future<Res> health = pool.submit(() -> anonymous().get("/health"));
            Future<Res> list = pool.submit(() -> f.api.get("/api/v1/applications"));
            assertThat(health.get(5, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(list.get(5, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
            expect(f.api.post("/api/v1/jobs/" + id, Map.of("status", "running")), 200);
            List<Future<List<Event>>> reads = new ArrayList<>();
            for (EventStream s : streams) {
                reads.add(pool.submit(() -> s.untilDone(90)));
            }
            List<Integer> expected = null;
            for (Future<List<Event>> r : reads) {
                List<Event> events = r.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
                assertThat(events.get(events.size() - 1).data()).isEqualTo("{\"status\":\"completed\"}");
                List<Integer> seqs = ids(events);
                if (expected == null) {
                    expected = new ArrayList<>();
                    for (int i = 1; i <= f.checkpoints(id).size(); i++) {
                        expected.add(i);
                    }
                }
                assertThat(seqs).isEqualTo(expected);
            }
            assertThat(expected).hasSizeGreaterThan(30);
        } finally {
            streams.forEach(EventStream::close);
            pool.shutdownNow();
        }
    }
}
