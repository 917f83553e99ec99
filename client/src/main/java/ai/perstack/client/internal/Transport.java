package ai.perstack.client.internal;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

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
    private final Listeners listeners;
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
        this.listeners = new Listeners(config.listeners());
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
        this.listeners = owner.listeners;
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

    boolean isClosed() {
        return owner.closed;
    }

    /** The calls not yet completed, which {@link #close()} ends. */
    Set<Exchange<?>> pending() {
        return pending;
    }

    /** {@return the shared check of the overall timeouts of the calls in flight} */
    Deadlines deadlines() {
        return deadlines;
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

    /** The listeners of calls and streams. */
    public Listeners listeners() {
        return listeners;
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

    /** Reads a response body into an {@link ApiResult}. */
    public static final class Responses {
        private Responses() {
        }

        /** Decodes a status and body with {@code decoder} for 2xx, or into an error. */
        public static <T> ApiResult<T> decode(int status, byte[] body, java.util.function.Function<JsonIn, T> decoder) {
            if (status >= 200 && status < 300) {
                if (decoder instanceof Call.RawDecoder<T> raw) {
                    return ApiResult.success(raw.fromBytes(body == null ? new byte[0] : body));
                }
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
