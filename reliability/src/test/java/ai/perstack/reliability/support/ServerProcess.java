package ai.perstack.reliability.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar cli/target/perstack-cli.jar serve} as a child process: started with the
 * bootstrap key in its environment, ready when it prints its listening line, and killed with
 * SIGKILL by {@link #kill()}. Its output goes to a log file under {@code target/}.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Perstack local platform listening on (http://127\\.0\\.0\\.1:(\\d+))");

    private final Process process;
    private final String baseUrl;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, String baseUrl, int port, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.port = port;
        this.log = log;
    }

    /** The CLI jar the build made. */
    public static Path cliJar() {
        Path jar = Path.of(System.getProperty("perstack.cliJar", "../cli/target/perstack-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the CLI first (./mvnw -pl cli -am package): " + jar.toAbsolutePath());
        }
        return jar;
    }

    /**
     * Starts {@code perstack serve} on a free port (or {@code port}) with {@code dataDir} and,
     * when not null, {@code databaseUrl}; waits until it listens.
     */
    public static ServerProcess start(Path dataDir, String databaseUrl, String apiKey, int port, String name) {
        return start(dataDir, databaseUrl, apiKey, port, name, List.of());
    }

    /** As {@link #start(Path, String, String, int, String)}, with more {@code serve} options. */
    public static ServerProcess start(Path dataDir, String databaseUrl, String apiKey, int port, String name,
                                      List<String> options) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", cliJar().toAbsolutePath().toString(),
                "serve", "--port", Integer.toString(port), "--data-dir", dataDir.toAbsolutePath().toString()));
        if (databaseUrl != null) {
            command.add("--database-url");
            command.add(databaseUrl);
        }
        command.addAll(options);
        try {
            Files.createDirectories(Path.of("target", "process-logs"));
            Path log = Path.of("target", "process-logs", name + "-" + System.currentTimeMillis() + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PERSTACK_BOOTSTRAP_API_KEY", apiKey);
            pb.environment().remove("PERSTACK_DATABASE_URL");
            Process process = pb.start();
            CompletableFuture<Matcher> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(process, log, ready), "server-output-" + name);
            pump.setDaemon(true);
            pump.start();
            Matcher m;
            try {
                m = ready.get(90, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not start within 90 s; see " + log.toAbsolutePath());
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not start; see " + log.toAbsolutePath(), e);
            }
            return new ServerProcess(process, m.group(1), Integer.parseInt(m.group(2)), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(Process process, Path log, CompletableFuture<Matcher> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(m);
                }
            }
            ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
        } catch (IOException | InterruptedException e) {
            ready.completeExceptionally(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Threads of the process now (Linux: /proc/PID/task). */
    public int threadCount() {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            return (int) tasks.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open sockets of the process now (Linux: /proc/PID/fd links to socket:[...]). */
    public int socketCount() {
        int sockets = 0;
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sockets;
    }

    /**
     * Kills the process with SIGKILL ({@link Process#destroyForcibly()} on Linux) and returns its
     * exit status: 137 = 128 + 9, i.e. ended by signal 9, no shutdown hook ran.
     */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("process " + pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Whether the log shows the given text. */
    public boolean logContains(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the process gracefully (SIGTERM), or kills it if it does not stop within 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
