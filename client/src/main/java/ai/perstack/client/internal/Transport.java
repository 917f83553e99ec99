package ai.perstack.client.internal;

import ai.perstack.client.AbortSignal;
import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends calls over {@link HttpClient}: builds the request, enforces the overall timeout and the
 * abort signal, retries what may be retried, and turns every outcome into an {@link ApiResult}.
 * Never completes a future exceptionally.
 */
public final class Transport implements AutoCloseable {
    private final ApiClientConfig config;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final ExecutorService executor;
    private final ScheduledExecutorService timer;
    private final String authorization;
    private final RequestLog log = new RequestLog();
    private final Set<Exchange<?>> pending;
    /** The overall timeouts of the calls in {@link #pending}. */
    private final Deadlines deadlines;
    private final Set<Runnable> closeListeners;
    private volatile boolean closed;
    /** The transport whose threads and state this one shares; {@code this} for the owning one. */
    private final Transport owner;
    /** Calls run on the caller's thread with {@link HttpClient#send}; the returned futures are already done. */
    private final boolean blocking;
    private final Transport blockingView;

    /** A transport for {@code config}; owns its threads until {@link #close()}. */
    public Transport(ApiClientConfig config) {
        this.config = config;
        this.authorization = "Bearer " + config.apiKey();
        this.pending = ConcurrentHashMap.newKeySet();
        this.closeListeners = ConcurrentHashMap.newKeySet();
        this.owner = this;
        this.blocking = false;
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1, daemon("perstack-timer"));
        // Each call schedules a timeout that is cancelled when the call ends; without this a busy client
        // would keep tens of thousands of dead timeout tasks queued until they expire.
        timerPool.setRemoveOnCancelPolicy(true);
        this.timer = timerPool;
        this.deadlines = new Deadlines(timerPool, pending);
        if (config.httpClient().isPresent()) {
            this.http = config.httpClient().get();
            this.ownsHttp = false;
            this.executor = null;
        } else {
            this.executor = Executors.newCachedThreadPool(daemon("perstack-http"));
            this.http = HttpClient.newBuilder()
                    .connectTimeout(config.timeout())
                    .executor(executor)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            this.ownsHttp = true;
        }
        this.blockingView = new Transport(this);
    }

    /** The blocking view of {@code owner}: same client, threads and state. */
    private Transport(Transport owner) {
        this.config = owner.config;
        this.http = owner.http;
        this.ownsHttp = false;
        this.executor = owner.executor;
        this.timer = owner.timer;
        this.authorization = owner.authorization;
        this.pending = owner.pending;
        this.deadlines = owner.deadlines;
        this.closeListeners = owner.closeListeners;
        this.owner = owner;
        this.blocking = true;
        this.blockingView = this;
    }

    /**
     * A view of this transport for the blocking API: each call runs on the caller's thread with
     * {@link HttpClient#send} and returns an already completed future, so a blocking call costs
     * no thread hand-off. Timeouts, abort, retries and close behave as for asynchronous calls.
     *
     * @return the blocking view, sharing this transport's client, threads and state
     */
    public Transport blocking() {
        return blockingView;
    }

    private boolean isClosed() {
        return owner.closed;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The configuration. */
    public ApiClientConfig config() {
        return config;
    }

    /** The underlying HTTP client. */
    public HttpClient http() {
        return http;
    }

    /** The scheduler for timeouts and backoffs. */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** The request log. */
    public RequestLog log() {
        return log;
    }

    /** The full URI of {@code path} with {@code query}. */
    public URI uri(String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(config.baseUrl().toString()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(Paths.queryComponent(e.getKey())).append('=').append(Paths.queryComponent(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /** A request builder with the headers every call carries. */
    public HttpRequest.Builder request(URI uri, RequestOptions options, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Authorization", authorization)
                .header("Accept", accept)
                .header("User-Agent", UserAgent.VALUE);
        // The caller's headers replace the defaults rather than joining them (one Accept, one User-Agent).
        options.headers().forEach(b::setHeader);
        return b;
    }

    /**
     * Sends the call unless {@code check} found problems, in which case it completes at once with
     * a validation error (code 0) naming every bad field, and nothing reaches the network.
     */
    public <T> CompletableFuture<ApiResult<T>> send(Check check, java.util.function.Supplier<Call<T>> call) {
        if (!check.passed()) {
            return CompletableFuture.completedFuture(ApiResult.failure(Errors.invalidInput(check.problems())));
        }
        return send(call.get());
    }

    /** Sends {@code call}, retrying as allowed, and completes with its result. */
    public <T> CompletableFuture<ApiResult<T>> send(Call<T> call) {
        if (isClosed()) {
            return CompletableFuture.completedFuture(ApiResult.failure(Errors.clientClosed()));
        }
        Exchange<T> exchange = new Exchange<>(this, call);
        return blocking ? exchange.runHere() : exchange.start();
    }

    /** The retry budget for {@code options}. */
    public int maxRetries(RequestOptions options) {
        return options.maxRetries().orElse(config.maxRetries());
    }

    /** The overall timeout for {@code options}. */
    public Duration timeout(RequestOptions options) {
        return options.timeout().orElse(config.timeout());
    }

    /**
     * Runs {@code listener} when the transport closes (at once if it already has), so that
     * long-lived work such as an open stream ends with the client.
     *
     * @param listener what to run
     * @return a handle whose {@code close()} removes the listener
     */
    public AutoCloseable onClose(Runnable listener) {
        closeListeners.add(listener);
        if (isClosed() && closeListeners.remove(listener)) {
            listener.run();
        }
        return () -> closeListeners.remove(listener);
    }

    @Override
    public void close() {
        if (owner != this) {
            owner.close();
            return;
        }
        // End pending calls first: once the timer and the HTTP threads are gone nothing else would complete them.
        closed = true;
        pending.forEach(exchange -> exchange.fail(Errors.clientClosed()));
        closeListeners.forEach(listener -> {
            if (closeListeners.remove(listener)) {
                listener.run();
            }
        });
        timer.shutdownNow();
        if (ownsHttp && executor != null) {
            executor.shutdownNow();
        }
    }

    /** The state of one call across its attempts. */
    private static final class Exchange<T> implements Deadlines.Watched {
        private final Transport transport;
        private final Call<T> call;
        private final CompletableFuture<ApiResult<T>> result = new CompletableFuture<>();
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
            this.maxRetries = transport.maxRetries(call.options());
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
            AbortSignal signal = call.options().signal().orElse(null);
            if (signal != null && signal.aborted()) {
                result.complete(ApiResult.failure(Errors.aborted(signal)));
                return false;
            }
            transport.pending.add(this);
            if (transport.isClosed()) {
                transport.pending.remove(this);
                finish(ApiResult.failure(Errors.clientClosed()));
                return false;
            }
            AutoCloseable registration = signal == null ? null
                    : signal.onAbort(() -> finish(ApiResult.failure(Errors.aborted(signal))));
            result.whenComplete((r, e) -> {
                transport.pending.remove(this);
                Errors.closeQuietly(registration);
            });
            try {
                transport.deadlines.watch(this);
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
            if (call.body() != null) {
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

        private void attempt(int attempt) {
            if (result.isDone()) {
                return;
            }
            HttpRequest request = buildRequest();
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> f = transport.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
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
                    pendingRetry = transport.timer.schedule(() -> attempt(attempt + 1), delay, TimeUnit.NANOSECONDS);
                    if (result.isDone()) {
                        pendingRetry.cancel(false);
                    }
                }
            });
        }

        /** The attempts of a call run on the caller's thread, backoffs slept there. */
        private void attemptsHere() {
            for (int attempt = 0; ; attempt++) {
                HttpRequest request = buildRequest();
                long started = System.nanoTime();
                HttpResponse<byte[]> response = null;
                Throwable failure = null;
                if (!enterWait()) {
                    return;
                }
                try {
                    response = transport.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
                transport.log.failure(call.method(), call.path(), failure, micros);
                ApiError error = Errors.connection(failure, transport.config.baseUrl());
                return retryDelay(attempt, ApiResult.failure(error), null);
            }
            transport.log.response(call.method(), call.path(), response.statusCode(), micros);
            ApiResult<T> outcome = Responses.decode(response.statusCode(), response.body(), call.decoder());
            if (Retries.retryableStatus(response.statusCode())) {
                return retryDelay(attempt, outcome, response.headers().firstValue("Retry-After").orElse(null));
            }
            finish(outcome);
            return -1;
        }

        private long retryDelay(int attempt, ApiResult<T> outcome, String retryAfter) {
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
            return delayNanos;
        }
    }

    /** Reads a response body into an {@link ApiResult}. */
    public static final class Responses {
        private Responses() {
        }

        /** Decodes a status and body with {@code decoder} for 2xx, or into an error. */
        public static <T> ApiResult<T> decode(int status, byte[] body, java.util.function.Function<JsonIn, T> decoder) {
            if (status >= 200 && status < 300) {
                try {
                    return ApiResult.success(decoder.apply(JsonIn.root(Json.parse(body))));
                } catch (InvalidResponseException e) {
                    return ApiResult.failure(Errors.invalidResponse(e.field(), e.problem()));
                } catch (IOException e) {
                    return ApiResult.failure(Errors.invalidResponse("body", "must be JSON"));
                }
            }
            return ApiResult.failure(Errors.fromStatus(status, body));
        }
    }
}
