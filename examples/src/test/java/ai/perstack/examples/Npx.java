package ai.perstack.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Node's {@code npx} for the tests: whether it is there, a first start that downloads a package, and process counts. */
final class Npx {
    private Npx() {
    }

    static boolean onPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "npx")));
    }

    /**
     * Starts {@code npx -y PACKAGE} once and waits for the MCP server's answer to {@code initialize},
     * so the download of a first run is done before a job's skill starts with its shorter connect
     * timeout; then ends the server and its children.
     */
    static void prewarm(String packageName, Duration timeout) throws Exception {
        Process p = new ProcessBuilder("npx", "-y", packageName).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.contains("\"id\":1")) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            OutputStream in = p.getOutputStream();
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"prewarm\",\"version\":\"1\"}}}\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String line = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("npx -y " + packageName + " exited without answering initialize (exit "
                        + (p.isAlive() ? "none yet" : p.exitValue()) + ")");
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Live descendants of this JVM whose command line contains {@code marker}, read from
     * {@code /proc} (the JDK's view of a command line gives up on very long ones).
     */
    static long running(String marker) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(marker)).count();
    }

    /** Waits at most {@code timeout} for no descendant matching {@code marker}; returns how many are left. */
    static long awaitNone(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left = running(marker);
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = running(marker);
        }
        return left;
    }

    private static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
