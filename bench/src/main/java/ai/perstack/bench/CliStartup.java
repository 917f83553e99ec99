package ai.perstack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the CLI jar, wall clock from exec to exit, beside {@code java -version} on
 * the same JDK; with and without an application class-data-sharing archive made on the spot; and
 * through the {@code ./perstack} launcher, as a user runs it.
 */
final class CliStartup {
    private static final int RUNS = 10;

    private CliStartup() {
    }

    static void run(BenchMain main) throws Exception {
        Path jar = Path.of("cli", "target", "perstack-cli.jar");
        if (!Files.exists(jar)) {
            main.line("CLI jar not built: " + jar);
            return;
        }
        String java = BenchMain.java();
        Path jsa = Path.of("bench", "target", "perstack-cli.jsa");
        Files.deleteIfExists(jsa);
        exec(List.of(java, "-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar.toString(), "--help"));
        main.line("### CLI cold start (ms, wall clock, median of " + RUNS + " runs with min–max)");
        main.line("");
        main.line("| command | plain | with AppCDS archive | target |");
        main.line("|---|---:|---:|---:|");
        main.line("| `java -version` (baseline) | " + time(List.of(java, "-version")).format("%.0f") + " | — | — |");
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"}, new String[] {"jobs", "list", "--help"})) {
            List<String> plain = new ArrayList<>(List.of(java, "-jar", jar.toString()));
            List<String> cds = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-jar", jar.toString()));
            plain.addAll(List.of(args));
            cds.addAll(List.of(args));
            main.line("| `perstack " + String.join(" ", args) + "` | " + time(plain).format("%.0f") + " | "
                    + time(cds).format("%.0f") + " | ≤ 500 |");
        }
        // What a user types: the launcher, which checks the jar is current and starts short commands with C1 only.
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"--help"})) {
            List<String> launcher = new ArrayList<>(List.of("./perstack"));
            launcher.addAll(List.of(args));
            main.line("| `./perstack " + String.join(" ", args) + "` (the launcher) | " + time(launcher).format("%.0f")
                    + " | — | ≤ 500 |");
        }
        main.line("");
    }

    private static Stats time(List<String> cmd) throws Exception {
        exec(cmd);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            exec(cmd);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return Stats.of(ms);
    }

    private static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
    }
}
