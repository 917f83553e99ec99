package ai.perstack.client.jobs;

import ai.perstack.client.AbortController;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointStreamTest {

    private static PerstackClient client(SseTestServer server, int maxRetries) {
        return PerstackClient.builder().apiKey("test-key").baseUrl(server.baseUrl())
                .timeout(Duration.ofSeconds(5)).maxRetries(maxRetries).build();
    }

    private static List<ApiResult<Checkpoint>> drain(CheckpointStream stream) {
        List<ApiResult<Checkpoint>> out = new ArrayList<>();
        stream.forEach(out::add);
        return out;
    }

    @Test
    void yieldsCheckpointsInOrderThenEndsOnDone() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.send(": ping\n\n");
            for (int i = 1; i <= 5; i++) {
                w.checkpoint(i);
            }
            w.send("event: somethingNew\ndata: {}\n\n");
            w.done("completed");
        }); PerstackClient client = client(server, 0); CheckpointStream stream = client.jobs().checkpoints().stream("job1")) {
            List<ApiResult<Checkpoint>> results = drain(stream);
            assertThat(results).allMatch(ApiResult::ok);
            assertThat(results).extracting(r -> r.data().sequence()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(results.get(0).data().activity()).isInstanceOf(Activity.GeneralTool.class);
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
            assertThat(server.lastEventIds).containsExactly("");
        }
    }

    @Test
    void errorEventYieldsOneErrAndEnds() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.checkpoint(1);
            w.send("event: error\ndata: {\"message\":\"worker crashed\"}\n\n");
            w.checkpoint(2);
        }); PerstackClient client = client(server, 0); CheckpointStream stream = client.jobs().checkpoints().stream("job1")) {
            List<ApiResult<Checkpoint>> results = drain(stream);
            assertThat(results).hasSize(2);
            assertThat(results.get(0).ok()).isTrue();
            assertThat(results.get(1).ok()).isFalse();
            assertThat(results.get(1).error().message()).contains("worker crashed");
            assertThat(stream.doneStatus()).isEmpty();
        }
    }

    @Test
    void idleTimeoutYieldsOneAbortedErr() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.checkpoint(1);
            release.await(10, TimeUnit.SECONDS);
        }); PerstackClient client = client(server, 0);
             CheckpointStream stream = client.jobs().checkpoints().stream("job1",
                     StreamRequestOptions.builder().streamIdleTimeout(Duration.ofMillis(300)).build())) {
            long start = System.nanoTime();
            List<ApiResult<Checkpoint>> results = drain(stream);
            long millis = (System.nanoTime() - start) / 1_000_000;
            release.countDown();
            assertThat(results).hasSize(2);
            assertThat(results.get(1).error().aborted()).isTrue();
            assertThat(results.get(1).error().message()).contains("no data for 300 ms");
            assertThat(millis).isLessThan(5000);
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedReadAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.checkpoint(1);
            release.await(20, TimeUnit.SECONDS);
        }); PerstackClient client = client(server, 0)) {
            CheckpointStream stream = client.jobs().checkpoints().stream("job1",
                    StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(30)).build());
            var iterator = stream.iterator();
            assertThat(iterator.next().data().sequence()).isEqualTo(1);
            Thread closer = new Thread(() -> {
                sleep(200);
                stream.close();
            });
            closer.start();
            long start = System.nanoTime();
            boolean more = iterator.hasNext();
            long millis = (System.nanoTime() - start) / 1_000_000;
            release.countDown();
            assertThat(more).isFalse();
            assertThat(millis).isLessThan(5000);
        }
    }

    @Test
    void closingTheClientEndsAnOpenStream() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.checkpoint(1);
            release.await(20, TimeUnit.SECONDS);
        })) {
            PerstackClient client = client(server, 0);
            CheckpointStream stream = client.jobs().checkpoints().stream("job1",
                    StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(30)).build());
            new Thread(() -> {
                sleep(200);
                client.close();
            }).start();
            List<ApiResult<Checkpoint>> results = drain(stream);
            release.countDown();
            assertThat(results).hasSize(2);
            assertThat(results.get(1).error().message()).contains("closed");
        }
    }

    @Test
    void abortSignalEndsTheStreamWithAnAbortedErr() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AbortController controller = new AbortController();
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.checkpoint(1);
            release.await(20, TimeUnit.SECONDS);
        }); PerstackClient client = client(server, 0);
             CheckpointStream stream = client.jobs().checkpoints().stream("job1",
                     StreamRequestOptions.builder().signal(controller.signal()).streamIdleTimeout(Duration.ofSeconds(30)).build())) {
            // Aborted from another thread once the first checkpoint has been taken and the reader
            // waits for the next: the abort must wake it.
            CountDownLatch firstTaken = new CountDownLatch(1);
            new Thread(() -> {
                try {
                    firstTaken.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sleep(200);
                controller.abort("user left");
            }).start();
            List<ApiResult<Checkpoint>> results = new ArrayList<>();
            for (ApiResult<Checkpoint> r : stream) {
                results.add(r);
                firstTaken.countDown();
            }
            release.countDown();
            assertThat(results).hasSize(2);
            assertThat(results.get(1).error().aborted()).isTrue();
            assertThat(results.get(1).error().message()).contains("user left");
        }
    }

    @Test
    void checkpointsAlreadyReceivedAreNotHandedOutAfterAnAbort() throws Exception {
        AbortController controller = new AbortController();
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            StringBuilder burst = new StringBuilder();
            for (int i = 1; i <= 10; i++) {
                burst.append("id: ").append(i).append("\nevent: checkpoint\ndata: ")
                        .append(SseTestServer.checkpointJson(i)).append("\n\n");
            }
            w.send(burst.toString()); // one chunk: all ten are parsed before the first is taken
            w.done("completed");
        }); PerstackClient client = client(server, 0);
             CheckpointStream stream = client.jobs().checkpoints().stream("job1",
                     StreamRequestOptions.builder().signal(controller.signal()).build())) {
            List<ApiResult<Checkpoint>> results = new ArrayList<>();
            for (ApiResult<Checkpoint> r : stream) {
                results.add(r);
                if (results.size() == 2) {
                    controller.abort("enough");
                }
            }
            assertThat(results).hasSize(3);
            assertThat(results.get(1).data().sequence()).isEqualTo(2);
            assertThat(results.get(2).error().aborted()).isTrue();
            assertThat(results.get(2).error().message()).contains("enough");
        }
    }

    @Test
    void reconnectsWithLastEventIdAndYieldsEachCheckpointOnce() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.send("retry: 10\n\n");
            if (n == 1) {
                w.checkpoint(1);
                w.checkpoint(2);
                return; // the connection drops before done
            }
            // A server may resend what the client already has; the stream must not repeat it.
            w.checkpoint(2);
            w.checkpoint(3);
            w.done("completed");
        }); PerstackClient client = client(server, 2); CheckpointStream stream = client.jobs().checkpoints().stream("job1")) {
            List<ApiResult<Checkpoint>> results = drain(stream);
            assertThat(results).allMatch(ApiResult::ok);
            assertThat(results).extracting(r -> r.data().sequence()).containsExactly(1L, 2L, 3L);
            assertThat(server.lastEventIds).containsExactly("", "2");
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
        }
    }

    @Test
    void givesUpAfterMaxRetriesFailuresInARow() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) -> w.send("retry: 10\n\n"));
             PerstackClient client = client(server, 2); CheckpointStream stream = client.jobs().checkpoints().stream("job1")) {
            List<ApiResult<Checkpoint>> results = drain(stream);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).error().message()).contains("gave up after 2 reconnect attempts");
            assertThat(server.lastEventIds).hasSize(3);
        }
    }

    @Test
    void notFoundIsAnErrWithoutRetrying() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) ->
                w.status(404, "{\"code\":404,\"error\":\"Not Found\",\"reason\":\"job 'job1' not found\"}"));
             PerstackClient client = client(server, 2); CheckpointStream stream = client.jobs().checkpoints().stream("job1")) {
            List<ApiResult<Checkpoint>> results = drain(stream);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).error().code()).isEqualTo(404);
            assertThat(results.get(0).error().message()).isEqualTo("job 'job1' not found");
            assertThat(server.lastEventIds).hasSize(1);
        }
    }

    @Test
    void resumesFromACallerGivenLastEventId() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) -> {
            w.checkpoint(4);
            w.done("completed");
        }); PerstackClient client = client(server, 0);
             CheckpointStream stream = client.jobs().checkpoints().stream("job1",
                     StreamRequestOptions.builder().header("Last-Event-ID", "3").build())) {
            assertThat(drain(stream)).extracting(r -> r.data().sequence()).containsExactly(4L);
            assertThat(server.lastEventIds).containsExactly("3");
        }
    }

    @Test
    void invalidJobIdNeverReachesTheNetwork() throws Exception {
        try (SseTestServer server = new SseTestServer((n, last, w) -> w.done("completed"));
             PerstackClient client = client(server, 0); CheckpointStream stream = client.jobs().checkpoints().stream(" ")) {
            List<ApiResult<Checkpoint>> results = drain(stream);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).error().code()).isZero();
            assertThat(results.get(0).error().reason()).isEqualTo(java.util.Map.of("jobId", "is required"));
            assertThat(server.lastEventIds).isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
