package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseEventsTest {

    private static final Duration GUARD = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<ByteBuffer> buffers(String... parts) {
        List<ByteBuffer> list = new ArrayList<>();
        for (String part : parts) {
            list.add(ByteBuffer.wrap(utf8(part)).asReadOnlyBuffer());
        }
        return list;
    }

    private static SseEvent message(String data) {
        return new SseEvent("message", data, "");
    }

    // --- InputStream ---------------------------------------------------------------------

    @Test
    void inputStreamIsParsedIntoEvents() {
        InputStream in = new ByteArrayInputStream(utf8("\uFEFFid: 1\ndata: a\n\nevent: e\ndata: b\r\n\r\ndata: cut"));
        try (Stream<SseEvent> events = SseEvents.parse(in)) {
            assertThat(events).containsExactly(new SseEvent("message", "a", "1"), new SseEvent("e", "b", "1"));
        }
    }

    @Test
    void inputStreamEventsAreYieldedBeforeTheInputEnds() {
        // An input that serves one event, then fails the test if read again.
        InputStream in = new InputStream() {
            private final ByteArrayInputStream first = new ByteArrayInputStream(utf8("data: first\n\n"));

            @Override
            public int read() {
                throw new AssertionError("single-byte read not expected");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = first.read(b, off, len);
                if (n < 0) {
                    throw new AssertionError("read past the first event before it was consumed");
                }
                return n;
            }
        };
        Iterator<SseEvent> events = SseEvents.parse(in).iterator();
        assertThat(events.next()).isEqualTo(message("first"));
    }

    @Test
    void inputStreamEventsArriveWhileTheWriterIsStillOpen() throws Exception {
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(out);
        CountDownLatch firstSeen = new CountDownLatch(1);
        executor.submit(() -> {
            out.write(utf8("data: one\n\n"));
            out.flush();
            // The second event is only written once the reader has seen the first.
            firstSeen.await();
            out.write(utf8("data: two\n\n"));
            out.close();
            return null;
        });
        assertTimeoutPreemptively(GUARD, () -> {
            try (Stream<SseEvent> stream = SseEvents.parse(in)) {
                Iterator<SseEvent> events = stream.iterator();
                assertThat(events.next()).isEqualTo(message("one"));
                firstSeen.countDown();
                assertThat(events.next()).isEqualTo(message("two"));
                assertThat(events.hasNext()).isFalse();
            }
        });
    }

    @Test
    void closingTheStreamClosesTheInput() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream(utf8("data: a\n\n")) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        Stream<SseEvent> events = SseEvents.parse(in);
        assertThat(closed).isFalse();
        events.close();
        assertThat(closed).isTrue();
    }

    @Test
    void readFailureSurfacesAsUncheckedIoException() {
        InputStream in = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> SseEvents.parse(in).count())
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
    }

    @Test
    void inputStreamHandlesManyEventsAcrossReadBoundaries() {
        String stream = Stream.iterate(0, i -> i + 1).limit(5000)
                .map(i -> "id: " + i + "\r\ndata: é" + i + "\r\n\r\n").collect(Collectors.joining());
        try (Stream<SseEvent> events = SseEvents.parse(new ByteArrayInputStream(utf8(stream)))) {
            List<SseEvent> list = events.toList();
            assertThat(list).hasSize(5000);
            assertThat(list.get(4999)).isEqualTo(new SseEvent("message", "é4999", "4999"));
        }
    }

    // --- Flow.Publisher ------------------------------------------------------------------

    @Test
    void publisherEventsFollowDemandOneAtATime() throws Exception {
        RecordingSubscriber subscriber = new RecordingSubscriber();
        try (SubmissionPublisher<List<ByteBuffer>> bytes = new SubmissionPublisher<>(executor, 16)) {
            SseEvents.parse(bytes).subscribe(subscriber);
            subscriber.awaitSubscription().request(1);
            bytes.submit(buffers("data: 1\n\ndata: 2\n\nda", "ta: 3\n\n"));
            assertThat(subscriber.next()).isEqualTo(message("1"));
            assertThat(subscriber.nothingMore()).isTrue();
            subscriber.subscription.request(1);
            assertThat(subscriber.next()).isEqualTo(message("2"));
            assertThat(subscriber.nothingMore()).isTrue();
            subscriber.subscription.request(5);
            assertThat(subscriber.next()).isEqualTo(message("3"));
            bytes.submit(buffers("event: done\ndata: {}\n\ndata: unterminated"));
            assertThat(subscriber.next()).isEqualTo(new SseEvent("done", "{}", ""));
        }
        assertThat(subscriber.completed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.events).isEmpty();
        assertThat(subscriber.error).isNull();
    }

    @Test
    void publisherHandlesEventsSplitAcrossBuffers() throws Exception {
        RecordingSubscriber subscriber = new RecordingSubscriber();
        try (SubmissionPublisher<List<ByteBuffer>> bytes = new SubmissionPublisher<>(executor, 16)) {
            SseEvents.parse(bytes).subscribe(subscriber);
            subscriber.awaitSubscription().request(Long.MAX_VALUE);
            byte[] all = utf8("id: 9\r\ndata: é€\r\n\r\n");
            for (byte b : all) {
                bytes.submit(List.of(ByteBuffer.wrap(new byte[] {b})));
            }
            assertThat(subscriber.next()).isEqualTo(new SseEvent("message", "é€", "9"));
        }
        assertThat(subscriber.completed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void publisherRequestsBytesOnlyWhileThereIsUnmetDemand() throws Exception {
        ManualPublisher bytes = new ManualPublisher();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        SseEvents.parse(bytes).subscribe(subscriber);
        Flow.Subscription subscription = subscriber.awaitSubscription();
        assertThat(bytes.requested).isZero();

        subscription.request(1);
        assertThat(bytes.requested).isEqualTo(1);
        bytes.subscriber.onNext(buffers("data: a\n\ndata: b\n\n"));
        assertThat(subscriber.next()).isEqualTo(message("a"));
        assertThat(bytes.requested).as("a parsed event is waiting, so no more bytes").isEqualTo(1);

        subscription.request(1);
        assertThat(subscriber.next()).isEqualTo(message("b"));
        assertThat(bytes.requested).isEqualTo(1);

        subscription.request(1);
        assertThat(bytes.requested).isEqualTo(2);
        bytes.subscriber.onNext(buffers(": only a comment\n"));
        assertThat(bytes.requested).as("no event yet, demand still open").isEqualTo(3);
        bytes.subscriber.onNext(buffers("data: c\n\n"));
        assertThat(subscriber.next()).isEqualTo(message("c"));
        assertThat(bytes.requested).isEqualTo(3);
    }

    @Test
    void publisherCompletesAfterQueuedEventsAreDelivered() throws Exception {
        ManualPublisher bytes = new ManualPublisher();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        SseEvents.parse(bytes).subscribe(subscriber);
        subscriber.awaitSubscription().request(1);
        bytes.subscriber.onNext(buffers("data: a\n\ndata: b\n\n"));
        bytes.subscriber.onComplete();
        assertThat(subscriber.next()).isEqualTo(message("a"));
        assertThat(subscriber.completed.getCount()).isEqualTo(1);
        subscriber.subscription.request(1);
        assertThat(subscriber.next()).isEqualTo(message("b"));
        assertThat(subscriber.completed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void publisherCompletesWithoutDemandWhenNothingIsQueued() throws Exception {
        ManualPublisher bytes = new ManualPublisher();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        SseEvents.parse(bytes).subscribe(subscriber);
        subscriber.awaitSubscription();
        bytes.subscriber.onComplete();
        assertThat(subscriber.completed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void publisherSignalsUpstreamErrorAfterParsedEvents() throws Exception {
        ManualPublisher bytes = new ManualPublisher();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        SseEvents.parse(bytes).subscribe(subscriber);
        subscriber.awaitSubscription().request(10);
        bytes.subscriber.onNext(buffers("data: a\n\ndata: partial\n"));
        IOException failure = new IOException("reset");
        bytes.subscriber.onError(failure);
        assertThat(subscriber.next()).isEqualTo(message("a"));
        assertThat(subscriber.completed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error).isSameAs(failure);
        assertThat(subscriber.events).isEmpty();
    }

    @Test
    void publisherRejectsNonPositiveRequest() throws Exception {
        ManualPublisher bytes = new ManualPublisher();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        SseEvents.parse(bytes).subscribe(subscriber);
        subscriber.awaitSubscription().request(0);
        assertThat(subscriber.completed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error).isInstanceOf(IllegalArgumentException.class);
        assertThat(bytes.cancelled).isTrue();
    }

    @Test
    void publisherCancelStopsEventsAndCancelsUpstream() throws Exception {
        ManualPublisher bytes = new ManualPublisher();
        RecordingSubscriber subscriber = new RecordingSubscriber();
        SseEvents.parse(bytes).subscribe(subscriber);
        subscriber.awaitSubscription().request(1);
        bytes.subscriber.onNext(buffers("data: a\n\ndata: b\n\n"));
        assertThat(subscriber.next()).isEqualTo(message("a"));
        subscriber.subscription.cancel();
        assertThat(bytes.cancelled).isTrue();
        subscriber.subscription.request(5);
        assertThat(subscriber.nothingMore()).isTrue();
        assertThat(subscriber.completed.getCount()).isEqualTo(1);
    }

    /** Records events and the terminal signal; requests nothing by itself. */
    private static final class RecordingSubscriber implements Flow.Subscriber<SseEvent> {
        final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
        final CountDownLatch subscribed = new CountDownLatch(1);
        final CountDownLatch completed = new CountDownLatch(1);
        volatile Flow.Subscription subscription;
        volatile Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            subscribed.countDown();
        }

        @Override
        public void onNext(SseEvent item) {
            events.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
            completed.countDown();
        }

        @Override
        public void onComplete() {
            completed.countDown();
        }

        Flow.Subscription awaitSubscription() throws InterruptedException {
            assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
            return subscription;
        }

        SseEvent next() throws InterruptedException {
            SseEvent event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 s").isNotNull();
            return event;
        }

        /** True if no further event turns up shortly: delivery beyond demand would show here. */
        boolean nothingMore() throws InterruptedException {
            return events.poll(100, TimeUnit.MILLISECONDS) == null;
        }
    }

    /** A byte publisher the test drives by hand, counting what is requested of it. */
    private static final class ManualPublisher implements Flow.Publisher<List<ByteBuffer>> {
        volatile Flow.Subscriber<? super List<ByteBuffer>> subscriber;
        volatile long requested;
        volatile boolean cancelled;

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> s) {
            subscriber = s;
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    requested += n;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }
}
