package ai.perstack.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 for client tests. It records every request exactly as it
 * arrived (method, raw path, raw query, headers, body) and answers each one with the next
 * scripted {@link Reply}, or with a 418 JSON error when nothing is scripted (418 is never
 * retried, so a missing script fails a test at once instead of looping).
 *
 * <pre>{@code
 * try (RecordingServer server = RecordingServer.start()) {
 *     server.enqueue(Reply.json(200, "{\"data\": {...}}"));
 *     ... call the client with server.baseUrl() ...
 *     RecordingServer.Request request = server.onlyRequest();
 * }
 * }</pre>
 */
public final class RecordingServer implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private RecordingServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 127.0.0.1 on a free port. */
    public static RecordingServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "recording-server");
                t.setDaemon(true);
                return t;
            });
            RecordingServer recording = new RecordingServer(server, executor);
            server.createContext("/", recording::handle);
            server.setExecutor(executor);
            server.start();
            return recording;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Scripts the reply to the next request not yet answered. */
    public RecordingServer enqueue(Reply reply) {
        synchronized (replies) {
            replies.addLast(reply);
        }
        return this;
    }

    /** Every request received so far, in arrival order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The only request received; fails when there were none or several. */
    public Request onlyRequest() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    /** Waits until at least {@code count} requests have arrived; fails after {@code timeout}. */
    public void awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " requests within " + timeout + ", got " + requests.size());
            }
            Thread.sleep(5);
        }
    }

    /** Forgets recorded requests and unused replies. */
    public void reset() {
        requests.clear();
        synchronized (replies) {
            replies.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // interrupts replies still sleeping out their delay
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), Collections.unmodifiableMap(headers), body, System.nanoTime()));

            Reply reply;
            synchronized (replies) {
                reply = replies.pollFirst();
            }
            if (reply == null) {
                reply = Reply.json(418, "{\"code\":418,\"error\":\"I'm a teapot\",\"reason\":\"no reply was scripted\"}");
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            // The client went away (timeout or abort) before the reply was written: nothing to answer.
        }
    }

    /**
     * One recorded request.
     *
     * @param method     the HTTP method
     * @param rawPath    the path exactly as sent, percent-encoding intact
     * @param rawQuery   the query exactly as sent, or null
     * @param headers    the headers, looked up case-insensitively
     * @param body       the body bytes (empty when none)
     * @param receivedAt {@link System#nanoTime()} when the request arrived
     */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, long receivedAt) {

        /** The only value of header {@code name}, or null when absent; fails when it was sent twice. */
        public String header(String name) {
            List<String> values = headers.get(name);
            if (values == null || values.isEmpty()) {
                return null;
            }
            if (values.size() > 1) {
                throw new AssertionError("header " + name + " was sent " + values.size() + " times: " + values);
            }
            return values.get(0);
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body parsed as JSON. */
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("request body is not JSON: " + bodyText(), e);
            }
        }

        @Override
        public String toString() {
            return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    /**
     * A scripted reply.
     *
     * @param status  the HTTP status
     * @param headers response headers
     * @param body    the body bytes
     * @param delay   how long to wait before answering
     */
    public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {

        /** A JSON reply. */
        public static Reply json(int status, String json) {
            return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                    json.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        /** A reply with {@code contentType} and a text body. */
        public static Reply text(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        /** A JSON error body in the contract's shape, {@code reason} given as JSON. */
        public static Reply error(int status, String error, String reasonJson) {
            return json(status, "{\"code\":" + status + ",\"error\":\"" + error + "\",\"reason\":" + reasonJson + "}");
        }

        /** This reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, Map.copyOf(more), body, delay);
        }

        /** This reply, sent only after {@code delay}. */
        public Reply after(Duration delay) {
            return new Reply(status, headers, body, delay);
        }
    }
}
