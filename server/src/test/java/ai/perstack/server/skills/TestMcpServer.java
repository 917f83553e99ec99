package ai.perstack.server.skills;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An MCP server on the SDK's server side, for the skill tests: run as a child process over
 * stdio ({@link #main}) or in-process over streamable HTTP on 127.0.0.1 ({@link #http}). Its
 * tools misbehave on request (crash, hang, flood, garbage on stdout) so every fault path runs
 * against a real server.
 */
public final class TestMcpServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(JSON);
    private static final Object BARRIER_LOCK = new Object();
    private static CountDownLatch barrier;
    private static OutputStream rawOut = System.out;

    private TestMcpServer() {
    }

    /** Serves the tools over stdin/stdout until stdin closes. */
    public static void main(String[] args) throws Exception {
        // every stray print (logging included) goes to stderr; stdout carries only the protocol
        rawOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        StdioServerTransportProvider transport = new StdioServerTransportProvider(MAPPER, System.in, rawOut);
        McpServer.sync(transport).serverInfo("test-mcp", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools()).build();
        System.err.println("test-mcp ready");
        Thread.currentThread().join();
    }

    /** A running HTTP server; close it to stop. */
    public record Http(Server jetty, McpSyncServer mcp, int port) implements AutoCloseable {
        public String url() {
            return "http://127.0.0.1:" + port + "/mcp";
        }

        @Override
        public void close() throws Exception {
            mcp.close();
            jetty.stop();
        }
    }

    /** Serves the tools over streamable HTTP at {@code http://127.0.0.1:<port>/mcp}. */
    public static Http http() throws Exception {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(MAPPER).mcpEndpoint("/mcp").build();
        McpSyncServer mcp = McpServer.sync(transport).serverInfo("test-mcp-http", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools()).build();
        return serve(transport, mcp);
    }

    /** Serves the tools over the older SSE transport: events at {@code /mcp}, messages at {@code /message}. */
    public static Http sse() throws Exception {
        HttpServletSseServerTransportProvider transport = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(MAPPER).sseEndpoint("/mcp").messageEndpoint("/message").build();
        McpSyncServer mcp = McpServer.sync(transport).serverInfo("test-mcp-sse", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools()).build();
        return serve(transport, mcp);
    }

    private static Http serve(jakarta.servlet.http.HttpServlet transport, McpSyncServer mcp) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(transport), "/*");
        jetty.setHandler(context);
        jetty.start();
        return new Http(jetty, mcp, connector.getLocalPort());
    }

    static List<SyncToolSpecification> tools() {
        return List.of(
                tool("echo", "Returns its text", Map.of("text", "string"), a -> text(String.valueOf(a.get("text")))),
                tool("env", "Returns the values of the named variables and all names", Map.of("names", "array"), a -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (Object n : (List<?>) a.getOrDefault("names", List.of())) {
                        out.put(String.valueOf(n), System.getenv(String.valueOf(n)));
                    }
                    out.put("*", System.getenv().keySet().stream().sorted().toList());
                    return text(json(out));
                }),
                tool("cwd", "The working directory", Map.of(), a -> text(System.getProperty("user.dir"))),
                tool("pid", "The server's process id", Map.of(), a -> text(String.valueOf(ProcessHandle.current().pid()))),
                tool("barrier", "Returns met once n calls wait at once", Map.of("n", "number"), a -> {
                    CountDownLatch latch;
                    synchronized (BARRIER_LOCK) {
                        if (barrier == null || barrier.getCount() == 0) {
                            barrier = new CountDownLatch(((Number) a.get("n")).intValue());
                        }
                        latch = barrier;
                    }
                    latch.countDown();
                    try {
                        return text(latch.await(20, TimeUnit.SECONDS) ? "met" : "alone");
                    } catch (InterruptedException e) {
                        return text("interrupted");
                    }
                }),
                tool("sleep", "Sleeps ms milliseconds", Map.of("ms", "number"), a -> {
                    try {
                        Thread.sleep(((Number) a.get("ms")).longValue());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return text("slept");
                }),
                tool("crash", "Exits the process at once", Map.of(), a -> {
                    System.err.println("crashing on purpose");
                    Runtime.getRuntime().halt(3);
                    return text("unreachable");
                }),
                tool("flood", "Returns a text of the given size", Map.of("bytes", "number"),
                        a -> text("x".repeat(((Number) a.get("bytes")).intValue()))),
                tool("garbage", "Writes lines that are not JSON-RPC, then never answers", Map.of(), a -> {
                    writeRaw("this is not json\n{\"broken\": \n");
                    try {
                        Thread.sleep(600_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return text("late");
                }),
                tool("noisy", "Writes a non-JSON line to stdout, then answers", Map.of(), a -> {
                    writeRaw("banner on stdout\n");
                    return text("answered");
                }),
                tool("spawn", "Starts a grandchild process and returns its pid", Map.of(), a -> {
                    try {
                        Process p = new ProcessBuilder("sleep", "300").start();
                        return text(String.valueOf(p.pid()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }),
                tool("image", "Returns a 1x1 PNG", Map.of(), a -> McpSchema.CallToolResult.builder()
                        .content(List.of(new McpSchema.ImageContent(null, "iVBORw0KGgo=", "image/png"),
                                new McpSchema.TextContent("an image"))).build()),
                tool("nothing", "Returns no content", Map.of(), a -> McpSchema.CallToolResult.builder()
                        .content(List.of()).build()),
                tool("fail", "Throws, so the server answers with a JSON-RPC error", Map.of(), a -> {
                    throw new IllegalStateException("failing on purpose");
                }));
    }

    private static void writeRaw(String text) {
        try {
            synchronized (rawOut) {
                rawOut.write(text.getBytes(StandardCharsets.UTF_8));
                rawOut.flush();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SyncToolSpecification tool(String name, String description, Map<String, String> props,
                                              java.util.function.Function<Map<String, Object>, McpSchema.CallToolResult> body) {
        Map<String, Object> properties = new LinkedHashMap<>();
        props.forEach((k, v) -> properties.put(k, Map.of("type", v)));
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(new McpSchema.JsonSchema("object", properties, List.of(), null, null, null)).build();
        return SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> body.apply(request.arguments() == null ? Map.of() : request.arguments()))
                .build();
    }

    private static McpSchema.CallToolResult text(String text) {
        return McpSchema.CallToolResult.builder().content(List.of(new McpSchema.TextContent(text))).build();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
