package ai.perstack.client.jobs;

import ai.perstack.client.AbortSignal;
import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Errors;
import ai.perstack.client.internal.Retries;
import ai.perstack.client.internal.Transport;
import ai.perstack.client.listener.PerstackListener;
import ai.perstack.client.sse.SseEvent;
import ai.perstack.client.sse.SseParser;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A job's checkpoints as they happen, the counterpart of the TypeScript async generator
 * {@code client.jobs.checkpoints.stream(jobId)}.
 *
 * <p>Iterating yields every stored checkpoint and then each new one live, in sequence order,
 * each exactly once. Iteration ends after the server's {@code done} event ({@link #doneStatus()}
 * then tells the job's status), or after exactly one {@link ApiResult.Err}: on an {@code error}
 * event, an HTTP error, an idle timeout or an abort ({@code aborted == true}), or a network
 * failure that reconnecting with {@code Last-Event-ID} did not cure within the retry budget.
 * {@link #close()} (from any thread) or the abort signal disconnects at once and wakes a blocked
 * iteration; once the signal has fired no further checkpoint is handed out, not even one already
 * received. Memory stays flat: one network chunk and one event are held at a time.
 *
 * <p>Connects lazily, on the first {@code hasNext()}. Iterable once.
 */
public final class CheckpointStream implements Iterable<ApiResult<Checkpoint>>, AutoCloseable {
    private final Transport transport;
    private final String jobId;
    private final StreamRequestOptions options;
    private final Check check;
    private final Duration idleTimeout;
    private final int maxRetries;
    private final LinkedBlockingQueue<StreamSignal> inbox = new LinkedBlockingQueue<>();
    private final ArrayDeque<ApiResult<Checkpoint>> ready = new ArrayDeque<>();
    private final SseParser parser = new SseParser(this::onEvent);
    private final CheckpointConnector connector;

    private volatile boolean closed;
    private final AtomicBoolean endReported = new AtomicBoolean();
    private volatile StreamConnection current;
    private boolean started;
    private boolean finished;
    private boolean iterated;
    private boolean abortHandled;
    private int generation;
    private int failuresInRow;
    private long lastSequence;
    private JobStatus doneStatus;
    private AutoCloseable abortRegistration;
    private AutoCloseable clientCloseRegistration;

    CheckpointStream(Transport transport, String jobId, StreamRequestOptions options, Check check) {
        this.transport = transport;
        this.jobId = jobId;
        this.options = options;
        this.check = check;
        this.idleTimeout = options.streamIdleTimeout().orElse(transport.config().timeout());
        this.maxRetries = transport.maxRetries(options);
        this.connector = new CheckpointConnector(transport, jobId, options, inbox);
        options.headers().forEach((name, value) -> {
            if (name.equalsIgnoreCase("Last-Event-ID") && value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
                lastSequence = Long.parseLong(value);
            }
        });
    }

    /** {@return the job's status from the {@code done} event, once the stream has ended with it} */
    public Optional<JobStatus> doneStatus() {
        return Optional.ofNullable(doneStatus);
    }

    /** {@return the sequence of the last checkpoint yielded (0 before the first); resume from it with {@code Last-Event-ID}} */
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public Iterator<ApiResult<Checkpoint>> iterator() {
        synchronized (this) {
            if (iterated) {
                throw new IllegalStateException("a checkpoint stream can be iterated once");
            }
            iterated = true;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return advance();
            }

            @Override
            public ApiResult<Checkpoint> next() {
                if (!advance()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** {@return a sequential {@link Stream} over the results; closing it closes this stream} */
    public Stream<ApiResult<Checkpoint>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /**
     * Consumes the stream on a new thread, calling {@code action} for each result; completes
     * with the {@link #doneStatus()} when the stream ends (never exceptionally unless {@code action} throws).
     *
     * @param action called with each result, in order, on the consuming thread
     * @return a future of the {@code done} status, empty when the stream ended without one
     */
    public CompletableFuture<Optional<JobStatus>> forEachAsync(Consumer<ApiResult<Checkpoint>> action) {
        CompletableFuture<Optional<JobStatus>> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                forEach(action);
                result.complete(doneStatus());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                close();
            }
        }, "perstack-stream-" + jobId);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Disconnects at once; a blocked iteration returns {@code false} from {@code hasNext()}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        reportEnd(Optional.empty(), Optional.empty());
        inbox.offer(StreamSignal.CLOSED);
        disconnect();
        releaseListeners();
    }

    /** Tells the listeners once how the stream ended. */
    private void reportEnd(Optional<JobStatus> status, Optional<ApiError> error) {
        if (started && endReported.compareAndSet(false, true) && !transport.listeners().none()) {
            transport.listeners().emit(PerstackListener::onStreamDone, new PerstackListener.StreamDone(jobId, status, error));
        }
    }

    private void releaseListeners() {
        Errors.closeQuietly(abortRegistration);
        Errors.closeQuietly(clientCloseRegistration);
    }

    // ---- the consuming side: runs on the iterating thread only ----

    private boolean advance() {
        AbortSignal signal = options.signal().orElse(null);
        if (signal != null && signal.aborted() && !abortHandled && (!finished || ready.stream().anyMatch(ApiResult::ok))) {
            // Checkpoints already received but not yet taken are not handed out after an abort (even
            // when the done event came with them): the stream ends with the aborted Err instead.
            abortHandled = true;
            ready.clear();
            doneStatus = null;
            fail(Errors.aborted(signal));
        }
        if (!ready.isEmpty()) {
            return true;
        }
        if (finished) {
            return false;
        }
        if (!started) {
            started = true;
            begin();
        }
        while (ready.isEmpty() && !finished) {
            step();
        }
        if (finished) {
            releaseListeners();
        }
        return !ready.isEmpty();
    }

    private void begin() {
        if (!check.passed()) {
            fail(Errors.invalidInput(check.problems()));
            return;
        }
        AbortSignal signal = options.signal().orElse(null);
        if (signal != null) {
            if (signal.aborted()) {
                fail(Errors.aborted(signal));
                return;
            }
            abortRegistration = signal.onAbort(() -> {
                inbox.offer(StreamSignal.ABORTED);
                disconnect();
            });
        }
        if (closed) {
            finished = true;
            return;
        }
        clientCloseRegistration = transport.onClose(() -> {
            inbox.offer(StreamSignal.CLIENT_CLOSED);
            disconnect();
        });
        connect();
    }

    private void step() {
        StreamSignal signal;
        try {
            signal = inbox.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new ApiError(0, "stream was interrupted", null, true));
            return;
        }
        if (signal == null) {
            fail(Errors.streamIdle(idleTimeout));
            return;
        }
        handle(signal);
    }

    private void handle(StreamSignal signal) {
        if (signal == StreamSignal.CLOSED) {
            finished = true;
            disconnect();
            return;
        }
        if (signal == StreamSignal.ABORTED) {
            fail(Errors.aborted(options.signal().orElseThrow()));
            return;
        }
        if (signal == StreamSignal.CLIENT_CLOSED) {
            fail(Errors.clientClosed());
            return;
        }
        if (signal.generation != generation) {
            return; // left over from a connection already given up
        }
        switch (signal.kind) {
            case CHUNK -> {
                for (ByteBuffer buffer : signal.chunk) {
                    parser.feed(buffer);
                    if (finished) {
                        return;
                    }
                }
                StreamConnection c = current;
                if (c != null && c.subscription != null) {
                    c.subscription.request(1);
                }
            }
            case ENDED -> {
                parser.finish();
                if (!finished) {
                    reconnectOrFail(new ApiError(0, "stream ended before the job finished", null, false), null);
                }
            }
            case FAILED -> reconnectOrFail(Errors.connection(signal.failure, transport.config().baseUrl()), null);
            case HTTP_ERROR -> {
                ApiError error = Errors.fromStatus(signal.status, signal.body).withResponse(signal.response);
                if (Retries.retryableStatus(signal.status)) {
                    reconnectOrFail(error, signal.retryAfter);
                } else {
                    fail(error);
                }
            }
            default -> throw new IllegalStateException("unexpected signal " + signal.kind);
        }
    }

    private void onEvent(SseEvent event) {
        if (finished) {
            return;
        }
        StreamEvent decoded = StreamEvent.of(event);
        if (decoded instanceof StreamEvent.Next next) {
            Checkpoint checkpoint = next.checkpoint();
            if (checkpoint.sequence() <= lastSequence) {
                return; // already yielded before a reconnect
            }
            lastSequence = checkpoint.sequence();
            failuresInRow = 0;
            ready.add(ApiResult.success(checkpoint));
            if (!transport.listeners().none()) {
                transport.listeners().emit(PerstackListener::onStreamCheckpoint,
                        new PerstackListener.StreamCheckpoint(jobId, checkpoint));
            }
        } else if (decoded instanceof StreamEvent.Done done) {
            doneStatus = done.status();
            finished = true;
            reportEnd(Optional.ofNullable(doneStatus), Optional.empty());
            disconnect();
        } else if (decoded instanceof StreamEvent.Failed failed) {
            fail(failed.error());
        }
    }

    private void reconnectOrFail(ApiError error, String retryAfter) {
        disconnect();
        failuresInRow++;
        if (closed) {
            finished = true;
            return;
        }
        if (failuresInRow > maxRetries) {
            String suffix = maxRetries == 0 ? "" : " (gave up after " + maxRetries + " reconnect attempts in a row)";
            fail(new ApiError(error.code(), error.message() + suffix, error.reason(), error.aborted()));
            return;
        }
        Duration delay = parser.reconnectionTime().isPresent() && retryAfter == null
                ? Duration.ofMillis(Math.min(parser.reconnectionTime().getAsLong(), Retries.MAX_RETRY_AFTER.toMillis()))
                : Retries.delay(failuresInRow - 1, retryAfter);
        if (!transport.listeners().none()) {
            transport.listeners().emit(PerstackListener::onStreamReconnect,
                    new PerstackListener.StreamReconnect(jobId, failuresInRow, delay, error));
        }
        long deadline = System.nanoTime() + delay.toNanos();
        generation++; // signals of the failed connection are stale from here on
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            StreamSignal s;
            try {
                s = inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new ApiError(0, "stream was interrupted", null, true));
                return;
            }
            if (s == StreamSignal.CLOSED || s == StreamSignal.ABORTED || s == StreamSignal.CLIENT_CLOSED) {
                handle(s);
                return;
            }
        }
        parser.reset();
        connect();
    }

    private void fail(ApiError error) {
        ready.add(ApiResult.failure(error));
        finished = true;
        reportEnd(Optional.empty(), Optional.of(error));
        disconnect();
    }

    // ---- the network side ----

    private void connect() {
        int gen = ++generation;
        String resumeFrom = lastSequence > 0 ? Long.toString(lastSequence)
                : (parser.lastEventId().isEmpty() ? null : parser.lastEventId());
        if (!transport.listeners().none()) {
            transport.listeners().emit(PerstackListener::onStreamConnect,
                    new PerstackListener.StreamConnect(jobId, failuresInRow, lastSequence));
        }
        current = connector.open(gen, resumeFrom);
        if (closed) {
            disconnect();
        }
    }

    private void disconnect() {
        StreamConnection c = current;
        if (c != null) {
            c.cancel();
        }
    }
}
