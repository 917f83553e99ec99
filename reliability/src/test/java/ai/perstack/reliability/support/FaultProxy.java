package ai.perstack.reliability.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault-injecting HTTP/1.1 proxy on 127.0.0.1 between a real client and a real server.
 *
 * <p>It reads each request's head and body from the client, so it can act per request (a
 * {@link Rule} decides), and pipes the server's bytes back, counting them per connection, so
 * it can cut a connection after a number of response bytes. Faults:
 * <ul>
 *   <li>{@link Action#REJECT_503}: answers 503 with {@code Retry-After} itself; the server never sees the request;</li>
 *   <li>{@link Action#LOSE_RESPONSE}: forwards the request, then resets the client's connection as soon as the
 *       server's answer arrives, so the server acted but the client never hears of it;</li>
 *   <li>{@link Action#RESET_BEFORE}: resets the connection before the request reaches the server;</li>
 *   <li>{@link Action#STALL}: forwards the request and never passes anything of the answer back;</li>
 *   <li>{@link #resetAfterBytes}: resets each connection after about N response bytes (±20 %).</li>
 * </ul>
 * The proxy speaks HTTP/1.1 only: it drops {@code Upgrade: h2c} offers.
 */
public final class FaultProxy implements AutoCloseable {
    /** What to do with one request. */
    public enum Action { PASS, REJECT_503, LOSE_RESPONSE, RESET_BEFORE, STALL, SSE_RETRY_THEN_CLOSE }

    /** One request as the proxy saw it; {@code index} counts requests across all connections, from 0. */
    public record Request(int index, String method, String path) {
    }

    /** Decides the fault for a request. */
    @FunctionalInterface
    public interface Rule {
        Action decide(Request request);
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requestCounter = new AtomicInteger();
    private volatile Rule rule = r -> Action.PASS;
    private volatile long resetAfterBytes;
    private volatile long stallAfterBytes;
    private volatile String retryAfter = "1";
    private volatile int rejectStatus = 503;
    private volatile long sseRetryMillis = 1_500;
    private volatile boolean closed;

    /** Requests seen, connections accepted, and each fault injected. */
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong accepted = new AtomicLong();
    public final AtomicLong byteResets = new AtomicLong();
    public final AtomicLong rejected503 = new AtomicLong();
    public final AtomicLong lostResponses = new AtomicLong();
    public final AtomicLong resetsBefore = new AtomicLong();
    public final AtomicLong stalls = new AtomicLong();
    public final AtomicLong sseRetries = new AtomicLong();
    public final AtomicLong bytesToClient = new AtomicLong();

    private FaultProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Starts a proxy on a free 127.0.0.1 port in front of 127.0.0.1:{@code targetPort}. */
    public static FaultProxy start(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy(listener, targetPort);
        Thread acceptor = new Thread(proxy::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The rule deciding per request (default: pass everything). */
    public FaultProxy rule(Rule rule) {
        this.rule = rule;
        return this;
    }

    /** Resets every connection after about {@code bytes} response bytes; 0 = never. */
    public FaultProxy resetAfterBytes(long bytes) {
        this.resetAfterBytes = bytes;
        return this;
    }

    /** Stops passing response bytes on each new connection after exactly {@code bytes}; 0 = never. */
    public FaultProxy stallAfterBytes(long bytes) {
        this.stallAfterBytes = bytes;
        return this;
    }

    /** The status {@link Action#REJECT_503} answers with (503 unless set). */
    public FaultProxy rejectWith(int status) {
        this.rejectStatus = status;
        return this;
    }

    /** The {@code Retry-After} value of injected 503s (delta-seconds or an HTTP date; null = none). */
    public FaultProxy retryAfter(String value) {
        this.retryAfter = value;
        return this;
    }

    /** Every fault injected so far. */
    public long faultsInjected() {
        return byteResets.get() + rejected503.get() + lostResponses.get() + resetsBefore.get() + stalls.get() + sseRetries.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Connection c = new Connection(client, server);
                connections.add(c);
                c.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fault proxy: " + e);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.forEach(Connection::close);
    }

    /** One client connection and its server connection. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        private final Object clientWrite = new Object();
        private final long budget;
        private final long stallAt;
        private volatile boolean loseNextResponse;
        private volatile boolean stalled;
        private volatile boolean done;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            long every = resetAfterBytes;
            this.budget = every <= 0 ? Long.MAX_VALUE
                    : (long) (every * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
            this.stallAt = stallAfterBytes <= 0 ? Long.MAX_VALUE : stallAfterBytes;
        }

        void start() {
            Thread up = new Thread(this::upstream, "fault-proxy-up");
            Thread down = new Thread(this::downstream, "fault-proxy-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        /** Client to server: request by request. */
        private void upstream() {
            try {
                InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
                OutputStream out = server.getOutputStream();
                while (!done) {
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    String requestLine = readLine(in);
                    if (requestLine == null) {
                        break;
                    }
                    head.write((requestLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    long contentLength = 0;
                    boolean chunked = false;
                    String line;
                    while ((line = readLine(in)) != null && !line.isEmpty()) {
                        String lower = line.toLowerCase(Locale.ROOT);
                        if (lower.startsWith("upgrade:") || lower.startsWith("http2-settings:")) {
                            continue; // HTTP/1.1 only
                        }
                        if (lower.startsWith("connection:") && lower.contains("upgrade")) {
                            continue;
                        }
                        if (lower.startsWith("content-length:")) {
                            contentLength = Long.parseLong(line.substring(15).trim());
                        }
                        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                            chunked = true;
                        }
                        head.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    if (line == null) {
                        break;
                    }
                    head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    if (chunked) {
                        copyChunked(in, body);
                    } else {
                        copyExactly(in, body, contentLength);
                    }
                    String[] parts = requestLine.split(" ");
                    Request request = new Request(requestCounter.getAndIncrement(), parts[0], parts.length > 1 ? parts[1] : "");
                    requests.incrementAndGet();
                    Action action = rule.decide(request);
                    switch (action) {
                        case REJECT_503 -> {
                            rejected503.incrementAndGet();
                            int status = rejectStatus;
                            byte[] json = ("{\"code\":" + status + ",\"error\":\"Injected\",\"reason\":\"injected by the fault proxy\"}")
                                    .getBytes(StandardCharsets.UTF_8);
                            String response = "HTTP/1.1 " + status + " Injected\r\n"
                                    + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n")
                                    + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + json.length
                                    + "\r\nConnection: close\r\n\r\n";
                            synchronized (clientWrite) {
                                OutputStream c = client.getOutputStream();
                                c.write(response.getBytes(StandardCharsets.ISO_8859_1));
                                c.write(json);
                                c.flush();
                            }
                            client.shutdownOutput();
                            closeQuietly();
                            return;
                        }
                        case SSE_RETRY_THEN_CLOSE -> {
                            // An event stream that only sets the reconnection time, then ends.
                            sseRetries.incrementAndGet();
                            synchronized (clientWrite) {
                                OutputStream c = client.getOutputStream();
                                c.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\nretry: "
                                        + sseRetryMillis + "\n\n").getBytes(StandardCharsets.ISO_8859_1));
                                c.flush();
                            }
                            client.shutdownOutput();
                            closeQuietly();
                            return;
                        }
                        case RESET_BEFORE -> {
                            resetsBefore.incrementAndGet();
                            reset();
                            return;
                        }
                        case LOSE_RESPONSE -> loseNextResponse = true;
                        case STALL -> {
                            stalls.incrementAndGet();
                            stalled = true;
                        }
                        default -> {
                        }
                    }
                    out.write(head.toByteArray());
                    body.writeTo(out);
                    out.flush();
                }
            } catch (IOException e) {
                // the client or the server went away
            }
            closeQuietly();
        }

        /** Server to client: bytes as they come, cut after the budget. */
        private void downstream() {
            byte[] buffer = new byte[16 * 1024];
            long sent = 0;
            try {
                InputStream in = server.getInputStream();
                OutputStream out = client.getOutputStream();
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (loseNextResponse) {
                        lostResponses.incrementAndGet();
                        reset();
                        return;
                    }
                    while (stalled && !done) {
                        Thread.sleep(20); // hold everything back until the client gives up
                    }
                    if (done) {
                        return;
                    }
                    int pass = (int) Math.min(n, Math.min(budget, stallAt) - sent);
                    synchronized (clientWrite) {
                        out.write(buffer, 0, pass);
                        out.flush();
                    }
                    sent += pass;
                    bytesToClient.addAndGet(pass);
                    if (sent >= stallAt) {
                        stalls.incrementAndGet();
                        while (!done) {
                            Thread.sleep(20); // nothing more passes: the client must notice by itself
                        }
                        return;
                    }
                    if (sent >= budget) {
                        byteResets.incrementAndGet();
                        reset();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client or the server went away
            }
            closeQuietly();
        }

        /** An abortive close: the client sees a connection reset (RST), not an orderly end. */
        void reset() {
            done = true;
            try {
                client.setSoLinger(true, 0);
            } catch (IOException e) {
                // closing anyway
            }
            closeQuietly();
        }

        void close() {
            closeQuietly();
        }

        private void closeQuietly() {
            done = true;
            try {
                client.close();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
            connections.remove(this);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("client closed mid-body");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("client closed mid-body");
            }
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            copyExactly(in, out, size + 2L);
        }
    }
}
