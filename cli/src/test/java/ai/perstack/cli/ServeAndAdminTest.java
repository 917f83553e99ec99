package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndAdminTest {

    @Test
    void adminCreatesAKeyThatTheCommandsThenUse(@TempDir Path dir) {
        Cli.Result created = new Cli(Map.of()).run("admin", "create-key", "--data-dir", dir.toString(), "--org", "acme");
        assertThat(created.code()).as(created.toString()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("psk_[A-Za-z0-9_-]{43}");

        try (Platform platform = Platform.start(dir)) {
            Cli cli = Cli.connectedTo(platform.baseUrl(), key);
            assertThat(cli.run("apps", "create", "acme-app").code()).isZero();
            // The key belongs to organization acme: its scopes are @acme/...
            Cli.Result draft = cli.runWithInput(ExpertsFileTest.JSON, "experts", "drafts", "create", "@acme/tool", "--app",
                    cli.run("apps", "list", "-o", "id").out().strip(), "--file", "-");
            assertThat(draft.code()).as(draft.toString()).isZero();
            assertThat(draft.out()).contains("Scope        @acme/tool");
        }
    }

    @Test
    void serveRefusesABaseUrlThatCouldChooseThePathOrHideAHost(@TempDir Path dir) {
        for (String bad : new String[] {"https://models.example.com/anything#", "ftp://models.example.com/v1",
                "https://user:pw@models.example.com/v1"}) {
            Cli.Result result = new Cli(Map.of()).run("serve", "--port", "0", "--data-dir", dir.toString(),
                    "--openai-base-url", bad);
            assertThat(result.code()).as(result.toString()).isNotZero();
            assertThat(result.err()).contains("OPENAI_BASE_URL");
        }
        Cli.Result fromEnv = new Cli(Map.of("ANTHROPIC_BASE_URL", "https://models.example.com/v1?x=1"))
                .run("serve", "--port", "0", "--data-dir", dir.toString());
        assertThat(fromEnv.code()).as(fromEnv.toString()).isNotZero();
        assertThat(fromEnv.err()).contains("ANTHROPIC_BASE_URL");
    }

    @Test
    void serveRefusesASizeThatIsNotOne(@TempDir Path dir) {
        Cli.Result result = new Cli(Map.of()).run("serve", "--port", "0", "--data-dir", dir.toString(),
                "--max-file-size", "lots");
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--max-file-size", "64M");
    }

    @Test
    void serveAnnouncesItsKeyAndAddressServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, PerstackCli.class.getName(), "serve", "--port", "0", "--data-dir", dir.toString());
        pb.environment().remove("PERSTACK_BOOTSTRAP_API_KEY");
        pb.environment().remove("PERSTACK_DATABASE_URL");
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process serve = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            String second = out.readLine();
            String ready = out.readLine();
            Matcher key = Pattern.compile("Created organization 'local' with API key (psk_\\S+)").matcher(first);
            assertThat(key.matches()).as(first).isTrue();
            assertThat(second).contains(dir.resolve("api-key").toString(), "not shown again");
            Matcher url = Pattern.compile("Perstack local platform listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(ready);
            assertThat(url.matches()).as(ready).isTrue();
            assertThat(Files.readString(dir.resolve("api-key")).strip()).isEqualTo(key.group(1));
            // The console link signs the browser in with the key it carries in the fragment.
            String console = out.readLine();
            assertThat(console).isEqualTo("Console (signed in): " + url.group(1) + "/console/#key=" + key.group(1));

            Cli.Result created = Cli.connectedTo(url.group(1), key.group(1)).run("apps", "create", "served", "-o", "json");
            assertThat(created.code()).as(created.toString()).isZero();
            assertThat(created.out()).contains("\"name\" : \"served\"");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("Stopping: draining requests");
    }
}
