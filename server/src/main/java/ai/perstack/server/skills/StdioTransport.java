package ai.perstack.server.skills;

import ai.perstack.server.skills.base.Processes;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * MCP over a child's stdin/stdout, one JSON-RPC message a line, with the SDK's message types.
 * Unlike the SDK's own stdio transport it starts the child with exactly the environment it is
 * given (never the server's), in the job's workspace; it bounds a line's size; it reports the
 * child's death at once ({@link #failure()}) with the end of its stderr; and closing it ends
 * the child and every process the child started.
 */
final class StdioTransport implements McpClientTransport {
    private static final int STDERR_LINE = 8 * 1024;
    private static final int STDERR_TAIL_LINES = 20;
    private static final int MAX_BAD_LINES = 1000;

    private final String skillName;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path cwd;
    private final McpJsonMapper mapper;
    private final int maxLineBytes;
    private final Consumer<String> stderrSink;
    private final Sinks.One<Void> failure = Sinks.one();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private volatile Process process;
    private volatile boolean closing;
    private volatile String startFailure;
    private final ProcessLedger ledger;
    /** The child's line in the ledger, written when it started. */
    private volatile String ledgerLine;
    private OutputStream stdin;

    StdioTransport(String skillName, List<String> command, Map<String, String> env, Path cwd, McpJsonMapper mapper,
                   int maxLineBytes, Consumer<String> stderrSink, ProcessLedger ledger) {
        this.ledger = ledger;
        this.skillName = skillName;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.cwd = cwd;
        this.mapper = mapper;
        this.maxLineBytes = maxLineBytes;
        this.stderrSink = stderrSink;
    }

    /** Completes with an error as soon as the child dies, overflows or stops speaking JSON-RPC. */
    Mono<Void> failure() {
        return failure.asMono();
    }

    /** The child's process, once started. */
    Process process() {
        return process;
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> {
            ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            try {
                process = builder.start();
            } catch (IOException e) {
                startFailure = "cannot start " + command.get(0) + ": " + e.getMessage();
                failure.tryEmitError(new SkillFailure(startFailure));
                throw new IllegalStateException(startFailure, e);
            }
            ledgerLine = ledger.add(process);
            stdin = process.getOutputStream();
            thread("stdout", () -> readMessages(process.getInputStream(), handler));
            thread("stderr", () -> readStderr(process.getErrorStream()));
            process.onExit().thenAccept(p -> fail("the skill process exited with code " + p.exitValue()));
        });
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.fromRunnable(() -> {
            if (process == null) {
                throw new SkillFailure(startFailure != null ? startFailure : "the skill process is not running");
            }
            try {
                byte[] line = (mapper.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
                synchronized (this) {
                    stdin.write(line);
                    stdin.flush();
                }
            } catch (IOException e) {
                // usually the child died at start-up: say how, with what it printed
                String reason = "cannot write to the skill process: " + e.getMessage();
                try {
                    if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                        reason = "the skill process exited with code " + process.exitValue();
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                fail(reason);
                throw new SkillFailure(withStderr(reason));
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        closing = true;
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            synchronized (this) {
                stdin.close();
            }
        } catch (IOException e) {
            // the child is gone already
        }
        Processes.destroyTree(p);
        String line = ledgerLine;
        if (line != null) {
            ledger.remove(line);
        }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }

    private void readMessages(InputStream in, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        int badLines = 0;
        try (in) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    line.write(chunk, start, i - start);
                    start = i + 1;
                    if (!deliver(line.toString(StandardCharsets.UTF_8), handler) && ++badLines > MAX_BAD_LINES) {
                        fail("the skill wrote more than " + MAX_BAD_LINES + " lines that are not JSON-RPC");
                        return;
                    }
                    line.reset();
                }
                line.write(chunk, start, n - start);
                if (line.size() > maxLineBytes) {
                    fail("the skill sent a message larger than " + maxLineBytes + " bytes");
                    return;
                }
            }
        } catch (IOException e) {
            // the stream closed with the process; its exit is reported by onExit
        }
    }

    /** Hands one line to the client; returns false when it was not a JSON-RPC message. */
    private boolean deliver(String text, Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(mapper, trimmed);
        } catch (IOException | RuntimeException e) {
            // servers that print banners on stdout exist; the line is shown like stderr
            stderr("[stdout, not JSON-RPC] " + cut(trimmed));
            return false;
        }
        handler.apply(Mono.just(message)).subscribe(r -> { }, e -> stderr("[client] " + e.getMessage()));
        return true;
    }

    private void readStderr(InputStream in) {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            for (int c; (c = reader.read()) >= 0; ) {
                if (c == '\n') {
                    stderr(line.toString());
                    line.setLength(0);
                } else if (line.length() < STDERR_LINE) {
                    line.append((char) c);
                }
            }
            if (!line.isEmpty()) {
                stderr(line.toString());
            }
        } catch (IOException e) {
            // closed with the process
        }
    }

    private void stderr(String line) {
        synchronized (stderrTail) {
            stderrTail.addLast(line);
            while (stderrTail.size() > STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
        stderrSink.accept(line);
    }

    private void fail(String reason) {
        if (closing) {
            failure.tryEmitError(new SkillFailure("the skill was closed"));
            return;
        }
        failure.tryEmitError(new SkillFailure(withStderr(reason)));
        Process p = process;
        if (p != null && p.isAlive()) {
            thread("kill", () -> Processes.destroyTree(p));
        }
    }

    private String withStderr(String reason) {
        String tail;
        synchronized (stderrTail) {
            tail = String.join("\n", stderrTail);
        }
        return reason + (tail.isBlank() ? "" : "; stderr: " + cut(tail));
    }

    private static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    private void thread(String stream, Runnable body) {
        Thread t = new Thread(body, "skill-" + skillName + "-" + stream);
        t.setDaemon(true);
        t.start();
    }
}
