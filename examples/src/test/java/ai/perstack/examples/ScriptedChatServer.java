package ai.perstack.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible model server on 127.0.0.1 for the example's test: real sockets, the Chat
 * Completions wire format ({@code POST /v1/chat/completions}), and scripted replies. Each turn
 * of the script answers one request that offers tools with the tool calls it makes of the tools
 * offered (so a tool can be picked by what the MCP server really lists); a request that offers
 * no tools (core asks for the final answer that way) or comes after the script gets the final text.
 */
final class ScriptedChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool call of a reply. @param name the tool as offered @param arguments its JSON arguments */
    record Call(String name, String arguments) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Function<Set<String>, List<Call>>> turns;
    private final String finalText;
    private final List<JsonNode> requests = new ArrayList<>();
    private int callIds;

    ScriptedChatServer(List<Function<Set<String>, List<Call>>> turns, String finalText) {
        this.turns = new ArrayDeque<>(turns);
        this.finalText = finalText;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scripted-chat-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** What to set {@code OPENAI_BASE_URL} to. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every request body received, in order. */
    synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = JSON.readTree(in);
        }
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        String finish;
        synchronized (this) {
            requests.add(request);
            Set<String> offered = new LinkedHashSet<>();
            request.path("tools").forEach(t -> offered.add(t.path("function").path("name").asText()));
            if (offered.isEmpty() || turns.isEmpty()) {
                message.put("content", finalText);
                finish = "stop";
            } else {
                message.putNull("content");
                ArrayNode calls = message.putArray("tool_calls");
                for (Call c : turns.removeFirst().apply(offered)) {
                    calls.addObject().put("id", "call_" + ++callIds).put("type", "function").putObject("function")
                            .put("name", c.name()).put("arguments", c.arguments());
                }
                finish = "tool_calls";
            }
        }
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-" + requests().size())
                .put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", request.path("model").asText("scripted"));
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finish);
        body.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 10).put("total_tokens", 50);
        byte[] out = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
