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
    private final Set<Exchange<?>> pending = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> closeListeners = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A transport for {@code config}; owns its threads until {@link #close()}. */
    public Transport(ApiClientConfig config) {
        this.config = config;
        this.authorization = "Bearer " + config.apiKey();
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("perstack-timer"));
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
        if (closed) {
            return CompletableFuture.completedFuture(ApiResult.failure(Errors.clientClosed()));
        }
        return new Exchange<>(this, call).start();
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
        if (closed && closeListeners.remove(listener)) {
            listener.run();
        }
        return () -> closeListeners.remove(listener);
    }

    @Override
    public void close() {
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
    private static final class Exchange<T> {
        private final Transport transport;
        private final Call<T> call;
        private final CompletableFuture<ApiResult<T>> result = new CompletableFuture<>();
        private final String idempotencyKey;
        private final long deadline;
        private final int maxRetries;
        private volatile CompletableFuture<HttpResponse<byte[]>> inflight;
        private volatile ScheduledFuture<?> pendingRetry;

        Exchange(Transport transport, Call<T> call) {
            this.transport = transport;
            this.call = call;
            // One key for every attempt, so a retried POST whose first response was lost is not acted on twice.
            // The caller's key, under any spelling of the header name, is sent as given and never joined by a second one.
            boolean callerSetKey = call.options().headers().keySet().stream().anyMatch("Idempotency-Key"::equalsIgnoreCase);
            this.idempotencyKey = call.method().equals("POST") && !callerSetKey ? UUID.randomUUID().toString() : null;
            Duration timeout = transport.timeout(call.options());
            this.deadline = System.nanoTime() + timeout.toNanos();
            this.maxRetries = transport.maxRetries(call.options());
        }

        CompletableFuture<ApiResult<T>> start() {
            AbortSignal signal = call.options().signal().orElse(null);
            if (signal != null && signal.aborted()) {
                return CompletableFuture.completedFuture(ApiResult.failure(Errors.aborted(signal)));
            }
            transport.pending.add(this);
            result.whenComplete((r, e) -> transport.pending.remove(this));
            if (transport.closed) {
                finish(ApiResult.failure(Errors.clientClosed()));
                return result;
            }
            AutoCloseable registration = signal == null ? null
                    : signal.onAbort(() -> finish(ApiResult.failure(Errors.aborted(signal))));
            Duration timeout = transport.timeout(call.options());
            ScheduledFuture<?> timeoutTask;
            try {
                timeoutTask = transport.timer.schedule(
                        () -> finish(ApiResult.failure(Errors.timedOut(timeout))), timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                Errors.closeQuietly(registration);
                finish(ApiResult.failure(Errors.clientClosed())); // closed meanwhile
                return result;
            }
            result.whenComplete((r, e) -> {
                timeoutTask.cancel(false);
                Errors.closeQuietly(registration);
            });
            attempt(0);
            return result;
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
            }
        }

        private void attempt(int attempt) {
            if (result.isDone()) {
                return;
            }
            HttpRequest.Builder b = transport.request(transport.uri(call.path(), call.query()), call.options(), "application/json");
            if (call.body() != null) {
                if (call.options().headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                    b.header("Content-Type", "application/json; charset=utf-8");
                }
                b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(Json.bytes(call.body())));
            } else {
                b.method(call.method(), HttpRequest.BodyPublishers.noBody());
            }
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            long started = System.nanoTime();
            CompletableFuture<HttpResponse<byte[]>> f = transport.http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            inflight = f;
            if (result.isDone()) {
                f.cancel(true);
                return;
            }
            f.whenComplete((response, failure) -> {
                if (result.isDone()) {
                    return;
                }
                long micros = (System.nanoTime() - started) / 1000;
                if (failure != null) {
                    transport.log.failure(call.method(), call.path(), failure, micros);
                    ApiError error = Errors.connection(failure, transport.config.baseUrl());
                    retryOrFinish(attempt, ApiResult.failure(error), null);
                    return;
                }
                transport.log.response(call.method(), call.path(), response.statusCode(), micros);
                ApiResult<T> outcome = Responses.decode(response.statusCode(), response.body(), call.decoder());
                if (Retries.retryableStatus(response.statusCode())) {
                    retryOrFinish(attempt, outcome, response.headers().firstValue("Retry-After").orElse(null));
                } else {
                    finish(outcome);
                }
            });
        }

        private void retryOrFinish(int attempt, ApiResult<T> outcome, String retryAfter) {
            if (attempt >= maxRetries) {
                finish(outcome);
                return;
            }
            long delayNanos = Retries.delay(attempt, retryAfter).toNanos();
            if (System.nanoTime() + delayNanos >= deadline) {
                // Waiting would outlast the caller's timeout: the last real answer says more than a timeout would.
                finish(outcome);
                return;
            }
            pendingRetry = transport.timer.schedule(() -> attempt(attempt + 1), delayNanos, TimeUnit.NANOSECONDS);
            if (result.isDone()) {
                pendingRetry.cancel(false);
            }
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
