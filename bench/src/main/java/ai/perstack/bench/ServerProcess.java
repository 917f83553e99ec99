package ai.perstack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code BenchServer} in its own JVM, so the driver's work and memory are not counted as the server's. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final String base;
    final String bare;
    final String key;
    final String app;
    /** The JDBC URL of the server's PostgreSQL database, or null on H2. */
    final String databaseUrl;

    ServerProcess(String db, String... jvmArgs) throws IOException {
        this(List.of(), db, List.of(jvmArgs));
    }

    /**
     * A server whose command line starts with {@code prefix} (for example {@code taskset -c 0}) and
     * whose {@code BenchServer} gets {@code serverArgs} after the database kind.
     */
    ServerProcess(List<String> prefix, String db, List<String> jvmArgs, String... serverArgs) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(prefix);
        cmd.addAll(List.of(BenchMain.java(), "-cp", System.getProperty("java.class.path")));
        cmd.addAll(jvmArgs);
        String extra = System.getProperty("bench.serverArgs", "").strip(); // e.g. -XX:StartFlightRecording=...
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("ai.perstack.bench.server.BenchServer");
        cmd.add(db);
        cmd.addAll(List.of(serverArgs));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // startup chatter
        }
        if (line == null) {
            throw new IllegalStateException("bench server did not start");
        }
        Map<String, String> fields = new HashMap<>();
        for (String part : line.substring(6).split(" ")) {
            int eq = part.indexOf('=');
            fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
        base = fields.get("base");
        bare = fields.get("bare");
        key = fields.get("key");
        app = fields.get("app");
        databaseUrl = fields.get("db");
    }

    /**
     * CPU time the server process has used so far, in nanoseconds (user + system, all threads),
     * from {@code /proc}: ticks of 10 ms, so only meaningful over seconds.
     */
    long cpuNanos() throws IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(process.pid()), "stat"));
        // fields after the command name, which is in parentheses and may hold spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * 10_000_000L;
    }

    /** Sends a command and returns the number in its answer. */
    long ask(String command) throws IOException {
        in.println(command);
        String line;
        while ((line = out.readLine()) != null) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && (parts[0].equals("HEAP") || parts[0].equals("PEAK"))) {
                return Long.parseLong(parts[1]);
            }
        }
        throw new IllegalStateException("bench server went away");
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
