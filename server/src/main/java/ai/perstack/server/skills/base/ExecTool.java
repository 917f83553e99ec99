package ai.perstack.server.skills.base;

import ai.perstack.server.skills.StdioPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Core's {@code exec}: runs a command directly (no shell) in a workspace directory, with core's
 * child environment, a timeout (default 60 s) and a 10 MiB cap on each output stream. A
 * timeout, an overflow or {@link #close()} ends the process and everything it started.
 */
final class ExecTool implements AutoCloseable {
    static final long DEFAULT_TIMEOUT_MS = 60_000;
    static final int MAX_BUFFER = 10 << 20;
    private static final String NO_OUTPUT = "Command executed successfully, but produced no output.";

    private final FileTools files;
    private final Map<String, String> hostEnv;
    private final StdioPolicy policy;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ExecTool(FileTools files, Map<String, String> hostEnv, StdioPolicy policy) {
        this.files = files;
        this.hostEnv = Map.copyOf(hostEnv);
        this.policy = policy;
    }

    ObjectNode exec(Args args) throws ToolError, IOException, InterruptedException {
        String command = args.string("command");
        List<String> argv = args.strings("args", true);
        Map<String, String> env = args.stringMap("env");
        String cwdArg = args.string("cwd");
        boolean wantStdout = args.bool("stdout");
        boolean wantStderr = args.bool("stderr");
        Long timeoutArg = args.optionalLong("timeout");
        long timeout = timeoutArg == null || timeoutArg <= 0 ? DEFAULT_TIMEOUT_MS : timeoutArg;
        Path cwd = files.resolve(cwdArg);
        if (!Files.isDirectory(cwd)) {
            throw new ToolError("Working directory does not exist: " + cwdArg);
        }
        if (closed) {
            throw new ToolError("Command was canceled: the job is stopping");
        }
        String refusal = policy.execRefusal(command);
        if (refusal != null) {
            throw new ToolError(refusal);
        }
        List<String> full = new ArrayList<>();
        full.add(command);
        full.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(full).directory(cwd.toFile());
        builder.environment().clear();
        builder.environment().putAll(ChildEnvironment.build(hostEnv, env));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return failure("spawn " + command + " ENOENT: " + e.getMessage(), wantStdout, "", wantStderr, "");
        }
        running.add(process);
        if (closed) {
            // close() ran while the process was starting, before it was in `running` to be ended: end it here
            // (close sets the flag before it looks at `running`, and this looks at the flag after adding)
            Processes.destroyTree(process);
        }
        try {
            AtomicBoolean overflow = new AtomicBoolean();
            process.getOutputStream().close();
            Capture out = new Capture(process.getInputStream(), overflow, process);
            Capture err = new Capture(process.getErrorStream(), overflow, process);
            out.start();
            err.start();
            boolean finished = process.waitFor(timeout, TimeUnit.MILLISECONDS);
            if (!finished) {
                Processes.destroyTree(process);
            }
            out.join(5_000);
            err.join(5_000);
            String stdout = out.text();
            String stderr = err.text();
            if (!finished || closed) {
                return failure(closed ? "Command was canceled" : "Command timed out after " + timeout + "ms.",
                        wantStdout, stdout, wantStderr, stderr);
            }
            if (overflow.get()) {
                return failure("stdout maxBuffer length exceeded", wantStdout, stdout, wantStderr, stderr);
            }
            int code = process.exitValue();
            if (code != 0) {
                String message = "Command failed: " + String.join(" ", full) + (stderr.isEmpty() ? "" : "\n" + stderr);
                return failure(message, wantStdout, stdout, wantStderr, stderr);
            }
            String output = (wantStdout ? stdout : "") + (wantStderr ? stderr : "");
            return FileTools.json().put("output", output.isBlank() ? NO_OUTPUT : output);
        } finally {
            running.remove(process);
            Processes.destroyTree(process);
        }
    }

    private static ObjectNode failure(String message, boolean wantStdout, String stdout, boolean wantStderr,
                                      String stderr) {
        ObjectNode node = FileTools.json().put("error", message);
        if (wantStdout) {
            node.put("stdout", stdout);
        }
        if (wantStderr) {
            node.put("stderr", stderr);
        }
        return node;
    }

    /** Ends every command still running (cancel, pause, shutdown). */
    @Override
    public void close() {
        closed = true;
        running.forEach(Processes::destroyTree);
    }

    /** Reads one output stream up to the cap; past it, flags the overflow and ends the process. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final AtomicBoolean overflow;
        private final Process process;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        Capture(InputStream in, AtomicBoolean overflow, Process process) {
            this.in = in;
            this.overflow = overflow;
            this.process = process;
            setDaemon(true);
            setName("exec-output");
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try (in) {
                for (int n; (n = in.read(chunk)) >= 0; ) {
                    int room = MAX_BUFFER - buffer.size();
                    buffer.write(chunk, 0, Math.min(n, Math.max(room, 0)));
                    if (n > room) {
                        overflow.set(true);
                        Processes.destroyTree(process);
                        return;
                    }
                }
            } catch (IOException e) {
                // the process was ended; what was read so far is kept
            }
        }

        String text() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
