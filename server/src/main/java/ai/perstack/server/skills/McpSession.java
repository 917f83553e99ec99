package ai.perstack.server.skills;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * A session with one MCP server on the SDK's async client. Calls run with a timeout and fail
 * at once when the server dies; a server that died, hung or overflowed is started again on the
 * next call, so the model gets an error result and may retry, and the job never sticks.
 */
final class McpSession implements SkillSession {
    static final ObjectMapper JSON = new ObjectMapper();
    static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(JSON);
    private static final McpSchema.Implementation CLIENT = new McpSchema.Implementation("perstack-java", "1.0.0");
    /**
     * Where connecting (which blocks until the server answers) runs. Not the common fork-join pool:
     * on a small machine that pool has a single worker, and from JDK 25 on the JDK's HTTP client
     * completes its connects there, so blocking that worker on an HTTP skill's handshake waits
     * forever. Daemon threads that end when idle, so a server with no skills keeps none.
     */
    private static final ExecutorService CONNECTING = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
                Thread t = new Thread(r, "mcp-connect");
                t.setDaemon(true);
                return t;
            });

    /** A live connection: the client, its transport and the signal of the transport's death. */
    record Connection(McpAsyncClient client, McpClientTransport transport, Mono<Void> failure) {
    }

    private final String name;
    private final List<String> pick;
    private final List<String> omit;
    private final SkillLimits limits;
    private final SkillEvents events;
    private final Supplier<List<McpClientTransport>> transports;
    private CompletableFuture<Connection> connection;
    private volatile List<SkillTool> tools;
    private volatile boolean closed;

    /**
     * @param transports the transports to try in order each time the session connects (a fresh set each time)
     */
    McpSession(String name, List<String> pick, List<String> omit, SkillLimits limits, SkillEvents events,
               Supplier<List<McpClientTransport>> transports) {
        this.name = name;
        this.pick = pick;
        this.omit = omit;
        this.limits = limits;
        this.events = events;
        this.transports = transports;
    }

    @Override
    public String name() {
        return name;
    }

    /** Starts connecting in the background. */
    synchronized void start() {
        if (connection == null) {
            connection = CompletableFuture.supplyAsync(this::connect, CONNECTING);
        }
    }

    @Override
    public List<SkillTool> tools() throws SkillStartException {
        start();
        await();
        return tools;
    }

    private Connection await() throws SkillStartException {
        CompletableFuture<Connection> current;
        synchronized (this) {
            current = connection;
        }
        try {
            return current.get(limits.connectTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw cause instanceof SkillStartException s ? s : new SkillStartException(name, message(cause), cause);
        } catch (TimeoutException e) {
            throw new SkillStartException(name, "did not connect within " + limits.connectTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkillStartException(name, "interrupted while connecting");
        }
    }

    private Connection connect() {
        long started = System.nanoTime();
        List<String> errors = new ArrayList<>();
        for (McpClientTransport transport : transports.get()) {
            if (closed) {
                throw new java.util.concurrent.CompletionException(new SkillStartException(name, "closed"));
            }
            Mono<Void> failure = transport instanceof StdioTransport s ? s.failure() : Mono.never();
            // the SDK's own request timeout also bounds the initialize request, which may wait for a slow
            // start; tool calls are bounded by the call timeout in race() below
            Duration sdkTimeout = limits.callTimeout().compareTo(limits.connectTimeout()) > 0
                    ? limits.callTimeout() : limits.connectTimeout();
            McpAsyncClient client = McpClient.async(transport).clientInfo(CLIENT).requestTimeout(sdkTimeout)
                    .initializationTimeout(limits.connectTimeout()).build();
            try {
                McpSchema.InitializeResult init = race(client.initialize(), failure, limits.connectTimeout());
                List<SkillTool> listed = new ArrayList<>();
                String cursor = null;
                do {
                    McpSchema.ListToolsResult page = race(client.listTools(cursor), failure, limits.connectTimeout());
                    for (McpSchema.Tool tool : page.tools()) {
                        listed.add(new SkillTool(name, tool.name(), tool.description(),
                                JSON.convertValue(tool.inputSchema() == null ? Map.of("type", "object")
                                        : tool.inputSchema(), ObjectNode.class)));
                    }
                    cursor = page.nextCursor();
                } while (cursor != null && !cursor.isEmpty());
                tools = ToolFilter.apply(listed, pick, omit);
                McpSchema.Implementation server = init.serverInfo();
                events.connected(name, server == null ? null : server.name(), server == null ? null : server.version(),
                        (System.nanoTime() - started) / 1_000_000);
                return new Connection(client, transport, failure);
            } catch (RuntimeException e) {
                errors.add(message(e));
                closeQuietly(client, transport);
                if (unreachable(e)) {
                    // nothing listens there (or the name does not resolve): another transport to the
                    // same address would only wait out its handshake timeout to say the same
                    break;
                }
            }
        }
        throw new java.util.concurrent.CompletionException(new SkillStartException(name,
                "cannot connect: " + String.join("; then: ", errors)));
    }

    @Override
    public ToolResult call(String tool, ObjectNode args) {
        Connection c;
        try {
            c = live();
        } catch (SkillStartException e) {
            return McpResults.error(name, tool, e.rule());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = JSON.convertValue(args, Map.class);
        try {
            McpSchema.CallToolResult result = race(c.client().callTool(new McpSchema.CallToolRequest(tool, arguments)),
                    c.failure(), limits.callTimeout());
            return new ToolResult(name, tool, McpResults.parts(tool, args.toString(), result));
        } catch (RuntimeException e) {
            if (closed) {
                return McpResults.error(name, tool, "the job stopped while the tool was running");
            }
            Throwable cause = unwrap(e);
            if (cause instanceof McpError) {
                return McpResults.error(name, tool, cause.getMessage());
            }
            // the server died, hung or broke its stream: drop it, the next call starts it again
            reset(c);
            return McpResults.error(name, tool, cause instanceof TimeoutException
                    ? "no answer within " + limits.callTimeout().toSeconds() + " s (the skill was restarted)"
                    : message(cause));
        }
    }

    private Connection live() throws SkillStartException {
        if (closed) {
            throw new SkillStartException(name, "the skill is closed");
        }
        synchronized (this) {
            start();
            if (connection.isDone() && connection.isCompletedExceptionally() && tools != null) {
                connection = CompletableFuture.supplyAsync(this::connect, CONNECTING);
            }
        }
        return await();
    }

    private synchronized void reset(Connection broken) {
        if (connection != null && !connection.isCompletedExceptionally() && connection.getNow(null) == broken) {
            closeQuietly(broken.client(), broken.transport());
            events.disconnected(name, "lost");
            connection = CompletableFuture.supplyAsync(this::connect, CONNECTING);
        }
    }

    @Override
    public void close() {
        closed = true;
        CompletableFuture<Connection> current;
        synchronized (this) {
            current = connection;
        }
        if (current == null || current.isCompletedExceptionally()) {
            return;
        }
        Connection c = current.getNow(null);
        if (c == null) {
            current.whenComplete((late, e) -> {
                if (late != null) {
                    closeQuietly(late.client(), late.transport());
                }
            });
            return;
        }
        closeQuietly(c.client(), c.transport());
        events.disconnected(name, "closed");
    }

    private static <T> T race(Mono<T> call, Mono<Void> failure, Duration timeout) {
        return Mono.firstWithSignal(call, failure.then(Mono.<T>empty()))
                .timeout(timeout)
                .switchIfEmpty(Mono.error(new SkillFailure("the skill closed its session")))
                .block();
    }

    private static void closeQuietly(McpAsyncClient client, McpClientTransport transport) {
        try {
            client.close();
        } catch (RuntimeException e) {
            // closing anyway
        }
        try {
            transport.close();
        } catch (RuntimeException e) {
            // closing anyway
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof RuntimeException && t.getClass() == RuntimeException.class
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (reactor.core.Exceptions.unwrap(t) != t) {
            t = reactor.core.Exceptions.unwrap(t);
        }
        return t;
    }

    /** Whether the failure says the address cannot be reached at all: refused, or a name that does not resolve. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof TimeoutException) {
            return "timed out";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
