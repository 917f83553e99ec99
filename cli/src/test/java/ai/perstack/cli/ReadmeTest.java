package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README works as written: its {@code bash} blocks run, in order, as one script against a
 * platform started here (all lines but {@code serve} and the build commands), its {@code java}
 * blocks compile against the client, and the demo output it shows is what the demo prints.
 */
class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");
    /** Lines that would not end (serve) or would build the project inside its own build. */
    private static final Pattern NOT_RUN = Pattern.compile("^\\s*(\\./perstack serve|\\./mvnw|bash \\.ci/run)\\b.*");

    private static List<String> blocks(String language) throws IOException {
        Matcher m = FENCE.matcher(Files.readString(README));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(language)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
    }

    /** What a reader's file would import around a snippet that shows none. */
    private static final String DEFAULT_IMPORTS = String.join("\n",
            "import ai.perstack.client.*;", "import ai.perstack.client.applications.*;", "import ai.perstack.client.env.*;",
            "import ai.perstack.client.jobs.*;", "import ai.perstack.client.experts.*;", "import ai.perstack.testkit.*;",
            "import org.junit.jupiter.api.*;", "");
    private static final Pattern DECLARES_CLASS = Pattern.compile("\\s*(@\\w+(\\([^)]*\\))?[^\\n]*\\n\\s*)*(public\\s+)?(final\\s+)?class\\s");

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Test
    void theBashBlocksRunAgainstAPlatform(@TempDir Path work) throws Exception {
        List<String> script = new ArrayList<>(List.of("set -eo pipefail", "set -x"));
        int commands = 0;
        for (String block : blocks("bash")) {
            for (String line : block.split("\n", -1)) {
                if (NOT_RUN.matcher(line).matches()) {
                    continue;
                }
                if (line.strip().startsWith("./perstack ") || line.contains("$(./perstack ") || line.contains("| ./perstack ")) {
                    commands++;
                }
                script.add(line);
            }
        }
        assertThat(commands).as("perstack command lines in the README").isGreaterThan(15);

        Path launcher = work.resolve("perstack");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -XX:TieredStopAtLevel=1 -cp \"$PERSTACK_TEST_CLASSPATH\" ai.perstack.cli.PerstackCli \"$@\"\n");
        launcher.toFile().setExecutable(true);

        try (Platform platform = Platform.start(work.resolve(".perstack"))) {
            String text = String.join("\n", script).replace("http://127.0.0.1:8080", platform.baseUrl()) + "\n";
            Files.writeString(work.resolve("readme.sh"), text);
            ProcessBuilder pb = new ProcessBuilder("bash", "readme.sh").directory(work.toFile()).redirectErrorStream(true);
            pb.environment().put("PERSTACK_TEST_CLASSPATH", classpath());
            pb.environment().remove(Connection.API_KEY_ENV);
            pb.environment().remove(Connection.BASE_URL_ENV);
            Process p = pb.start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains(
                    "✓ Job completed",
                    "Assigned @local/greeter@1.0.0 (latest)",
                    "askUser: Who is it for?",
                    "Done: Write a short greeting (answer: Java developers)",
                    "Done: Count the sheep",
                    "ANTHROPIC_API_KEY",
                    // perstack run: on an in-process platform (no PERSTACK_BASE_URL yet), then on this one.
                    "Expert    @local/triage@1.0.0  (published; triage, summarizer)",
                    "delegate            → summarizer: Summarize report 7",
                    "? Delete the duplicates?",
                    "Done: Sort the new reports (answer: yes)",
                    "Expert    @local/greeter@1.0.0  (unchanged; greeter)",
                    "Done: Write a greeting for the team");
            assertThat(platform.client.jobs().list().orElseThrow().data().jobs()).hasSize(3);
        }
    }

    @Test
    void theJavaBlocksCompile(@TempDir Path out) throws Exception {
        List<String> blocks = blocks("java");
        assertThat(blocks).isNotEmpty();
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            StringBuilder imports = new StringBuilder(DEFAULT_IMPORTS);
            StringBuilder body = new StringBuilder();
            for (String line : blocks.get(i).split("\n")) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
            String name = "ReadmeSnippet" + i;
            Path source = out.resolve(name + ".java");
            // A block that declares a class compiles as it is; statements go into a method.
            String code = DECLARES_CLASS.matcher(body).lookingAt() ? body.toString()
                    : "class " + name + " {\n    static void run() throws Exception {\n" + body + "    }\n}\n";
            Files.writeString(source, imports + "\n" + code);
            sources.add(source);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classpath(), "-d", out.toString(), "-proc:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as("%s", diagnostics.getDiagnostics()).isTrue();
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theDemoOutputItShowsIsWhatTheDemoPrints() throws IOException {
        String shown = blocks("text").get(0);
        Cli.Result actual = new Cli(java.util.Map.of()).run("demo");
        assertThat(actual.code()).isZero();
        assertThat(normalize(shown)).isEqualTo(normalize(actual.out()));
    }

    /** Ids, ports, keys, token counts and durations differ from run to run. */
    private static String normalize(String s) {
        return s.strip()
                .replaceAll("#key=psk_\\S+", "#key=psk_…")
                .replaceAll("[a-z0-9]{24}", "<id>")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")
                .replaceAll("(Tokens +)\\d.*", "$1<n>")
                .replaceAll("(Duration +)\\d.*", "$1<d>");
    }

}
