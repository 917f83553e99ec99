package ai.perstack.client.jobs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 whose stream endpoint runs a scripted handler per connection,
 * recording each request's {@code Last-Event-ID}.
 */
final class SseTestServer implements AutoCloseable {
    /** Writes one connection's response. */
    interface Script {
        void run(int connection, String lastEventId, Writer writer) throws Exception;
    }

    /** Writes to an open streaming response. */
    static final class Writer {
        private final HttpExchange exchange;
        private boolean headersSent;

        Writer(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void status(int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            headersSent = true;
        }

        void send(String text) throws IOException {
            if (!headersSent) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                headersSent = true;
            }
            OutputStream out = exchange.getResponseBody();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void checkpoint(long sequence) throws IOException {
            send("event: checkpoint\nid: " + sequence + "\ndata: " + checkpointJson(sequence) + "\n\n");
        }

        void done(String status) throws IOException {
            send("event: done\ndata: {\"status\":\"" + status + "\"}\n\n");
        }
    }

    private final HttpServer server;
    final List<String> lastEventIds = new CopyOnWriteArrayList<>();

    SseTestServer(Script script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String lastEventId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            lastEventIds.add(lastEventId == null ? "" : lastEventId);
            int connection = lastEventIds.size();
            try {
                script.run(connection, lastEventId, new Writer(exchange));
            } catch (Exception e) {
                // The client went away or the script ended the connection on purpose.
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String checkpointJson(long sequence) {
        return "{\"id\":\"cp" + sequence + "\",\"jobId\":\"job1\",\"runId\":\"run1\",\"sequence\":" + sequence
                + ",\"stepNumber\":" + sequence + ",\"status\":\"proceeding\","
                + "\"expert\":{\"key\":\"main\",\"name\":\"Main\",\"version\":\"1.0.0\"},"
                + "\"activity\":{\"type\":\"generalTool\",\"id\":\"a" + sequence + "\",\"expertKey\":\"main\",\"runId\":\"run1\","
                + "\"skillName\":\"@perstack/mock\",\"toolName\":\"work\",\"args\":{\"step\":" + sequence + "}},"
                + "\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"reasoningTokens\":0,\"cachedInputTokens\":0,\"totalTokens\":3},"
                + "\"startedAt\":\"2026-01-01T00:00:00Z\"}";
    }
}
