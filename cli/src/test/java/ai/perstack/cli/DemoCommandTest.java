package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void theDemoRunsAJobWithAQuestionToCompletion() {
        Cli.Result r = new Cli(Map.of()).run("demo");
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches(" {2}✓ Platform {5}http://127\\.0\\.0\\.1:\\d+ {2}\\(temporary data\\)"));
        assertThat(lines).anyMatch(l -> l.matches(" {2}✓ Console {6}http://127\\.0\\.0\\.1:\\d+/console/#key=psk_\\S+"));
        assertThat(lines).anyMatch(l -> l.matches(" {2}✓ Application {2}perstack-demo {2}\\([a-z0-9]{24}\\)"));
        assertThat(lines).contains(
                "  ✓ Draft        @local/greeter  (1 expert; interactive skill ask → askUser)",
                "  ✓ Version      @local/greeter@1.0.0  (latest)",
                "  Checkpoints, live:",
                "  " + JobsCommandTest.line(1, "query", "Write a short greeting for new users /ask Who is the audience? /sleep 150"),
                "  " + JobsCommandTest.line(2, "generalTool", "work: Working on: Write a short greeting for new users"),
                "  " + JobsCommandTest.line(3, "interactiveTool", "askUser: Who is the audience?"),
                "  ? The expert asks: Who is the audience?",
                "  › Answering:       Java developers",
                "  " + JobsCommandTest.line(4, "complete", "Done: Write a short greeting for new users (answer: Java developers)"),
                "  ✓ Job completed",
                "    Status    completed",
                "    Steps     4",
                "    Result    Done: Write a short greeting for new users (answer: Java developers)");
        assertThat(lines).anyMatch(l -> l.matches(" {2}✓ Job {10}[a-z0-9]{24} {2}\\(provider mock\\)"));
        assertThat(lines).anyMatch(l -> l.matches(" {4}Tokens {4}\\d+ \\(input \\d+, output \\d+\\)"));
        assertThat(lines).anyMatch(l -> l.matches(" {4}Duration {2}\\d+(\\.\\d)? (ms|s)"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withADataDirectoryTheDemoKeepsItsDataAndRunsAgain(@TempDir Path dir) {
        Cli cli = new Cli(Map.of());
        Cli.Result first = cli.run("demo", "--data-dir", dir.toString(), "--answer", "Kotlin developers");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("(data in " + dir + ")", "(answer: Kotlin developers)");
        assertThat(Files.exists(dir.resolve("api-key"))).isTrue();

        Cli.Result second = cli.run("demo", "--data-dir", dir.toString());
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.out()).contains("@local/greeter@1.0.1", "Status    completed");
    }

    @Test
    void keepRunningLeavesTheConsoleUpUntilSigtermThenCleansUp(@TempDir Path tmp) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", classpath, PerstackCli.class.getName(), "demo", "--keep-running");
        pb.environment().remove("PERSTACK_BOOTSTRAP_API_KEY");
        pb.redirectError(tmp.resolve("stderr.txt").toFile());
        Process demo = pb.start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(
                    new java.io.InputStreamReader(demo.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            java.util.regex.Pattern up = java.util.regex.Pattern.compile(
                    " {2}The platform keeps running for the console: (http://127\\.0\\.0\\.1:\\d+)/console/#key=(psk_\\S+)");
            java.util.regex.Matcher m = null;
            for (String line = out.readLine(); line != null && m == null; line = out.readLine()) {
                java.util.regex.Matcher candidate = up.matcher(line);
                m = candidate.matches() ? candidate : null;
            }
            assertThat(m).as("the keep-running line; stderr: %s", Files.readString(tmp.resolve("stderr.txt"))).isNotNull();
            var http = java.net.http.HttpClient.newHttpClient();
            var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "/console/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            var jobs = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "/api/v1/jobs"))
                    .header("Authorization", "Bearer " + m.group(2)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(jobs.body()).contains("\"status\":\"completed\"");
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("temporary data deleted").noneMatch(n -> n.startsWith("perstack-demo-"));
        }
    }
}
