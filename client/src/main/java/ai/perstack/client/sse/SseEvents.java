package ai.perstack.client.sse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pull-style and reactive adapters over {@link SseParser}: turn an {@link InputStream} or a
 * publisher of byte buffers into events.
 */
public final class SseEvents {

    private static final int READ_SIZE = 8192;

    private SseEvents() {
    }

    /**
     * Parses {@code in} lazily into events. The stream reads only as much input as it needs
     * to produce the next event, so events arrive while the input is still open; it ends at
     * the end of the input, dropping an unterminated last event. Closing the stream closes
     * {@code in}. A read failure surfaces as an {@link UncheckedIOException} from the
     * stream's terminal operation.
     *
     * @param in the event-stream body; owned by the returned stream from now on
     * @return a sequential, ordered stream of the events in {@code in}
     */
    public static Stream<SseEvent> parse(InputStream in) {
        Objects.requireNonNull(in, "in");
        return StreamSupport.stream(new InputSpliterator(in), false).onClose(() -> {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Adapts a publisher of byte buffers, as a {@code java.net.http.HttpResponse.BodySubscriber}
     * sees a response body, into a publisher of events. Upstream buffers are requested one
     * at a time and only while the subscriber has unmet demand, so at most one buffer's worth
     * of events waits ahead of demand. Completion or an upstream error is signalled after the
     * events already parsed have been delivered; an unterminated last event is dropped.
     * Each subscription subscribes to {@code bytes} afresh.
     *
     * @param bytes the event-stream body
     * @return a publisher of the events in {@code bytes}
     */
    public static Flow.Publisher<SseEvent> parse(Flow.Publisher<List<ByteBuffer>> bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return subscriber -> bytes.subscribe(new EventSubscription(Objects.requireNonNull(subscriber, "subscriber")));
    }

    /**
     * Parses {@code in} and reads each event's {@code data} as JSON through {@code schema}, the
     * counterpart of the TypeScript {@code parseSSEWithSchema}. {@code schema} validates and
     * converts (throwing {@link IllegalArgumentException} or {@link IllegalStateException} to
     * reject); data that is not JSON or that the schema rejects becomes an {@code Err} with code 0
     * naming the problem, so one bad event never ends the stream with an exception.
     *
     * @param in     the event-stream body; owned by the returned stream from now on
     * @param schema reads one event's data
     * @param <T>    the type of each event's data
     * @return a sequential stream of results, one per event
     */
    public static <T> Stream<ai.perstack.client.ApiResult<T>> parseWithSchema(
            InputStream in, java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, T> schema) {
        Objects.requireNonNull(schema, "schema");
        return parse(in).map(event -> {
            com.fasterxml.jackson.databind.JsonNode data;
            try {
                data = ai.perstack.client.internal.Json.parse(event.data());
            } catch (IOException e) {
                return ai.perstack.client.ApiResult.failure(
                        ai.perstack.client.internal.Errors.invalidResponse("data", "must be JSON"));
            }
            try {
                return ai.perstack.client.ApiResult.success(schema.apply(data));
            } catch (ai.perstack.client.internal.InvalidResponseException e) {
                return ai.perstack.client.ApiResult.failure(
                        ai.perstack.client.internal.Errors.invalidResponse(e.field(), e.problem()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return ai.perstack.client.ApiResult.failure(ai.perstack.client.internal.Errors.invalidResponse(
                        "data", e.getMessage() == null ? "was rejected by the schema" : e.getMessage()));
            }
        });
    }

    /** Reads the input in blocks, handing out the events each block completes. */
    private static final class InputSpliterator extends Spliterators.AbstractSpliterator<SseEvent> {
        private final InputStream in;
        private final ArrayDeque<SseEvent> ready = new ArrayDeque<>();
        private final SseParser parser = new SseParser(ready::add);
        private final byte[] buffer = new byte[READ_SIZE];
        private boolean ended;

        InputSpliterator(InputStream in) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.in = in;
        }

        @Override
        public boolean tryAdvance(Consumer<? super SseEvent> action) {
            while (ready.isEmpty() && !ended) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (n < 0) {
                    ended = true;
                    parser.finish();
                } else {
                    parser.feed(buffer, 0, n);
                }
            }
            SseEvent event = ready.poll();
            if (event == null) {
                return false;
            }
            action.accept(event);
            return true;
        }
    }
}
