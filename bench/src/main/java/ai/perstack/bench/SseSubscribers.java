package ai.perstack.bench;

import ai.perstack.client.sse.SseParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Many checkpoint-stream subscribers read without a thread each: one {@link HttpClient} (its
 * single selector thread does every socket read) hands the bytes to two worker threads, which
 * feed each stream's {@link SseParser}. Each checkpoint is reduced to its sequence (the SSE id)
 * and its {@code finishedAt}, found by a string search rather than decoded, so the subscriber side
 * costs as little CPU as it can and the figure is the server's, not the readers'.
 */
final class SseSubscribers implements AutoCloseable {

    /** What each subscriber reports: one call per checkpoint, on a reader thread. */
    interface Listener {
        void checkpoint(int subscriber, long sequence, long finishedAtMillis, long receivedAtMillis);
    }

    private static final String FINISHED_AT = "\"finishedAt\":\"";

    /**
     * {@code finishedAt} in epoch millis by sequence. Every subscriber receives the same
     * checkpoints, so each timestamp is parsed once rather than once per subscriber:
     * {@code Instant.parse} costs microseconds, and at 1,000 subscribers × 100 checkpoints/s it
     * would take a good part of the readers' core. Holds one entry per checkpoint of the job.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> finishedAtBySequence =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sse-subscriber-worker");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers).build();
    private final CountDownLatch ended;

    SseSubscribers(int count) {
        this.ended = new CountDownLatch(count);
    }

    /** Opens subscriber {@code index} on {@code url}; it runs until the server ends the stream. */
    void open(int index, String url, String apiKey, Listener listener) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + apiKey).header("Accept", "text/event-stream").build();
        http.sendAsync(request, info -> info.statusCode() == 200
                        ? HttpResponse.BodySubscribers.fromSubscriber(new Reader(index, listener))
                        : HttpResponse.BodySubscribers.replacing(null))
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                        System.err.println("subscriber " + index + " failed: "
                                + (failure != null ? failure : "status " + response.statusCode()));
                        ended.countDown();
                    }
                });
    }

    /** Waits for every stream to end; false when some were still open at the timeout. */
    boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private final class Reader implements Flow.Subscriber<List<ByteBuffer>> {
        private final SseParser parser;

        Reader(int index, Listener listener) {
            this.parser = new SseParser(event -> {
                if (!event.event().equals("checkpoint")) {
                    return;
                }
                long now = System.currentTimeMillis();
                long sequence = Long.parseLong(event.id());
                Long finished = finishedAtBySequence.get(sequence);
                if (finished == null) {
                    String data = event.data();
                    int at = data.indexOf(FINISHED_AT);
                    finished = at < 0 ? now : Instant.parse(data.substring(at + FINISHED_AT.length(),
                            data.indexOf('"', at + FINISHED_AT.length()))).toEpochMilli();
                    finishedAtBySequence.put(sequence, finished);
                }
                listener.checkpoint(index, sequence, finished, now);
            });
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                parser.feed(b);
            }
        }

        @Override
        public void onError(Throwable failure) {
            System.err.println("subscriber stream failed: " + failure);
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }
    }
}
