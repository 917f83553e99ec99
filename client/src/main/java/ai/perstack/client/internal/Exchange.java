package ai.perstack.client.internal;

import ai.perstack.client.AbortSignal;
import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.ResponseInfo;
import ai.perstack.client.listener.PerstackListener;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one call of a {@link Transport} across its attempts: the abort signal, the overall
 * timeout and {@code close()} end it; retryable failures are tried again after a backoff; the
 * listeners and the caller's response hook learn how it ended, once, before its future completes.
 */
final class Exchange<T> implements Deadlines.Watched {
    private final Transport transport;
    private final Call<T> call;
    private final CompletableFuture<ApiResult<T>> result = new CompletableFuture<>();
    /** Set by the first {@link #finish}: only it reports the end and completes {@link #result}. */
    private final AtomicBoolean ending = new AtomicBoolean();
    private final long callId = Listeners.nextCallId();
    private final String pathTemplate;
    private final long startedAt = System.nanoTime();
    private volatile int attemptNumber;
    private volatile ResponseInfo lastResponse;
    private final String idempotencyKey;
    private final Duration timeout;
    private final long deadline;
    private final int maxRetries;
    private volatile CompletableFuture<HttpResponse<byte[]>> inflight;
    private volatile ScheduledFuture<?> pendingRetry;
    /** For a call run on its caller's thread: that thread, interrupted to end a wait early. */
    private volatile Thread caller;
    /** The caller is inside {@code send} or a backoff sleep (guarded by {@code this}). */
    private boolean waiting;
    /** This exchange interrupted the caller, which must clear the flag (guarded by {@code this}). */
    private boolean interrupted;

    Exchange(Transport transport, Call<T> call) {
        this.transport = transport;
        this.call = call;
        // One key for every attempt, so a retried POST whose first response was lost is not acted on twice.
        // The caller's key, under any spelling of the header name, is sent as given and never joined by a second one.
        this.idempotencyKey = call.method().equals("POST") && !hasHeader(call.options(), "Idempotency-Key")
                ? UUID.randomUUID().toString() : null;
        this.timeout = transport.timeout(call.options());
        this.deadline = System.nanoTime() + timeout.toNanos();
        // A body read from a stream cannot be sent twice: such a call has one attempt.
        this.maxRetries = call.raw() != null && !call.raw().repeatable() ? 0 : transport.maxRetries(call.options());
        this.pathTemplate = transport.listeners().none() ? null : PathTemplates.of(call.path());
    }

    private static boolean hasHeader(RequestOptions options, String name) {
        Map<String, String> headers = options.headers();
        if (headers.isEmpty()) {
            return false;
        }
        for (String key : headers.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    CompletableFuture<ApiResult<T>> start() {
        if (arm()) {
            attempt(0);
        }
        return result;
    }

    /**
     * Runs the call on the calling thread and returns its completed future. The timeout,
     * the abort signal and {@code close()} end a wait by interrupting this thread, which
     * {@link HttpClient#send} answers by cancelling the exchange.
     */
    CompletableFuture<ApiResult<T>> runHere() {
        if (Thread.currentThread().isInterrupted()) {
            // send() would refuse at once; an interrupted caller waits for the answer, as join() does.
            start().join();
            return result;
        }
        caller = Thread.currentThread();
        if (arm()) {
            attemptsHere();
        }
        return result;
    }

    /**
     * Registers the call for the abort signal, the timeout and {@code close()}; false when it
     * has already ended (aborted before it started, or the client closed).
     */
    private boolean arm() {
        if (!transport.listeners().none()) {
            transport.listeners().emit(PerstackListener::onCallStart,
                    new PerstackListener.CallStart(callId, call.method(), pathTemplate));
        }
        AbortSignal signal = call.options().signal().orElse(null);
        if (signal != null && signal.aborted()) {
            finish(ApiResult.failure(Errors.aborted(signal)));
            return false;
        }
        transport.pending().add(this);
        result.whenComplete((r, e) -> transport.pending().remove(this));
        if (transport.isClosed()) {
            finish(ApiResult.failure(Errors.clientClosed()));
            return false;
        }
        AutoCloseable registration = signal == null ? null
                : signal.onAbort(() -> finish(ApiResult.failure(Errors.aborted(signal))));
        result.whenComplete((r, e) -> Errors.closeQuietly(registration));
        try {
            transport.deadlines().watch(this);
        } catch (RejectedExecutionException e) {
            finish(ApiResult.failure(Errors.clientClosed())); // closed meanwhile
            return false;
        }
        return !result.isDone();
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public void expire() {
        finish(ApiResult.failure(Errors.timedOut(timeout)));
    }

    /** Ends the call with {@code error} unless it has already ended. */
    void fail(ApiError error) {
        finish(ApiResult.failure(error));
    }

    private void finish(ApiResult<T> outcome) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        reportEnd(outcome);
        if (result.complete(outcome)) {
            CompletableFuture<HttpResponse<byte[]>> f = inflight;
            if (f != null) {
                f.cancel(true);
            }
            ScheduledFuture<?> retry = pendingRetry;
            if (retry != null) {
                retry.cancel(false);
            }
            Thread t = caller;
            if (t != null && t != Thread.currentThread()) {
                synchronized (this) {
                    if (waiting) {
                        interrupted = true;
                        t.interrupt();
                    }
                }
            }
        }
    }

    /** Tells the caller's response hook and the listeners how the call ended, before it completes. */
    private void reportEnd(ApiResult<T> outcome) {
        ResponseInfo response = lastResponse;
        if (response != null) {
            call.options().onResponse().ifPresent(hook -> {
                try {
                    hook.accept(response);
                } catch (RuntimeException e) {
                    // The caller's hook must not change the outcome it observes.
                }
            });
        }
        if (!transport.listeners().none()) {
            transport.listeners().emit(PerstackListener::onCallEnd, new PerstackListener.CallEnd(callId, call.method(),
                    pathTemplate, response == null ? 0 : response.status(),
                    Duration.ofNanos(System.nanoTime() - startedAt), attemptNumber,
                    response == null ? Optional.empty() : response.requestId(),
                    outcome.ok() ? Optional.empty() : Optional.of(outcome.error())));
        }
    }

    /** Marks the caller as waiting; false when the call has already ended. */
    private synchronized boolean enterWait() {
        if (result.isDone()) {
            return false;
        }
        waiting = true;
        return true;
    }

    /** Ends a wait, clearing an interrupt this exchange sent (it may land after the wait returned). */
    private synchronized void exitWait() {
        waiting = false;
        if (interrupted) {
            interrupted = false;
            Thread.interrupted();
        }
    }

    private HttpRequest buildRequest() {
        HttpRequest.Builder b = transport.request(transport.uri(call.path(), call.query()), call.options(), "application/json");
        if (call.raw() != null) {
            if (!hasHeader(call.options(), "Content-Type")) {
                b.header("Content-Type", call.raw().contentType());
            }
            b.method(call.method(), call.raw().publisher().get());
        } else if (call.body() != null) {
            if (!hasHeader(call.options(), "Content-Type")) {
                b.header("Content-Type", "application/json; charset=utf-8");
            }
            b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(Json.bytes(call.body())));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return b.build();
    }

    /** In memory, or for a download to a file a successful body into that file (then no bytes). */
    private HttpResponse.BodyHandler<byte[]> bodyHandler() {
        java.nio.file.Path sink = call.sink();
        if (sink == null) {
            return HttpResponse.BodyHandlers.ofByteArray();
        }
        return info -> info.statusCode() >= 200 && info.statusCode() < 300
                ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofFile(sink), p -> new byte[0])
                : HttpResponse.BodySubscribers.ofByteArray();
    }

    private void attempt(int attempt) {
        if (result.isDone()) {
            return;
        }
        attemptNumber = attempt;
        HttpRequest request = buildRequest();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> f = transport.http().sendAsync(request, bodyHandler());
        inflight = f;
        if (result.isDone()) {
            f.cancel(true);
            return;
        }
        f.whenComplete((response, failure) -> {
            if (result.isDone()) {
                return;
            }
            long delay = handle(attempt, response, failure, started);
            if (delay >= 0) {
                pendingRetry = transport.timer().schedule(() -> attempt(attempt + 1), delay, TimeUnit.NANOSECONDS);
                if (result.isDone()) {
                    pendingRetry.cancel(false);
                }
            }
        });
    }

    /** The attempts of a call run on the caller's thread, backoffs slept there. */
    private void attemptsHere() {
        for (int attempt = 0; ; attempt++) {
            attemptNumber = attempt;
            HttpRequest request = buildRequest();
            long started = System.nanoTime();
            HttpResponse<byte[]> response = null;
            Throwable failure = null;
            if (!enterWait()) {
                return;
            }
            try {
                response = transport.http().send(request, bodyHandler());
            } catch (InterruptedException e) {
                failure = e;
            } catch (IOException | RuntimeException e) {
                // send() rewraps the exchange's failure; the original says what sendAsync would have said.
                failure = e.getCause() != null && java.util.Objects.equals(e.getMessage(), e.getCause().getMessage())
                        ? e.getCause() : e;
            } finally {
                exitWait();
            }
            if (result.isDone()) {
                return; // timed out, aborted or closed while waiting
            }
            if (failure instanceof InterruptedException) {
                interruptedByOthers();
                return;
            }
            long delay = handle(attempt, response, failure, started);
            if (delay < 0) {
                return;
            }
            if (!enterWait()) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(delay);
            } catch (InterruptedException e) {
                failure = e;
            } finally {
                exitWait();
            }
            if (result.isDone()) {
                return;
            }
            if (failure instanceof InterruptedException) {
                interruptedByOthers();
                return;
            }
        }
    }

    /** Someone else interrupted the caller mid-call: the call ends and the flag is kept for them. */
    private void interruptedByOthers() {
        finish(ApiResult.failure(Errors.interrupted()));
        Thread.currentThread().interrupt();
    }

    /**
     * Logs and judges one attempt's outcome: finishes the call, or returns the wait in
     * nanoseconds before the next attempt (-1 when finished).
     */
    private long handle(int attempt, HttpResponse<byte[]> response, Throwable failure, long started) {
        long micros = (System.nanoTime() - started) / 1000;
        if (failure != null) {
            transport.log().failure(call.method(), call.path(), failure, micros);
            ApiError error = Errors.connection(failure, transport.config().baseUrl());
            return retryDelay(attempt, ApiResult.failure(error), null, 0);
        }
        transport.log().response(call.method(), call.path(), response.statusCode(), micros);
        ResponseInfo info = ResponseInfo.of(response.statusCode(), response.headers());
        lastResponse = info;
        ApiResult<T> outcome = Transport.Responses.decode(response.statusCode(), response.body(), call.decoder());
        if (!outcome.ok()) {
            outcome = ApiResult.failure(outcome.error().withResponse(info));
        }
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        if (Retries.retryable(response.statusCode(), retryAfter)) {
            return retryDelay(attempt, outcome, retryAfter, response.statusCode());
        }
        finish(outcome);
        return -1;
    }

    private long retryDelay(int attempt, ApiResult<T> outcome, String retryAfter, int status) {
        if (attempt >= maxRetries) {
            finish(outcome);
            return -1;
        }
        long delayNanos = Retries.delay(attempt, retryAfter).toNanos();
        if (System.nanoTime() + delayNanos >= deadline) {
            // Waiting would outlast the caller's timeout: the last real answer says more than a timeout would.
            finish(outcome);
            return -1;
        }
        if (!transport.listeners().none()) {
            transport.listeners().emit(PerstackListener::onRetry, new PerstackListener.Retry(callId, call.method(),
                    pathTemplate, attempt + 1, Duration.ofNanos(delayNanos), status));
        }
        return delayNanos;
    }
}
