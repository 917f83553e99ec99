package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.StartJobInput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole promise end to end: {@code perstack serve} (the CLI jar, as a process) prints a
 * console link; the link opens signed in on the home view with the organization's applications
 * and jobs, and the job view of a running job fills live.
 */
class ServeConsoleTest {
    private static final Pattern LINK = Pattern.compile("Console \\(signed in\\): (http://127\\.0\\.0\\.1:\\d+)/console/#key=(psk_\\S+)");

    @Test
    void theLinkServePrintsOpensTheConsoleSignedIn(@TempDir Path dir) throws Exception {
        Browser.assumeInstalled();
        Path jar = Path.of("../cli/target/perstack-cli.jar");
        assertThat(jar).as("the CLI jar (built before this module)").isRegularFile();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toAbsolutePath().toString(), "serve", "--port", "0", "--data-dir", dir.toString());
        pb.environment().remove("PERSTACK_BOOTSTRAP_API_KEY");
        pb.environment().remove("PERSTACK_DATABASE_URL");
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process serve = pb.start();
        try (Browser browser = Browser.start()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            Matcher link = null;
            for (int i = 0; i < 10 && link == null; i++) {
                String line = out.readLine();
                assertThat(line).as("serve's output ended early; stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isNotNull();
                Matcher m = LINK.matcher(line);
                link = m.matches() ? m : null;
            }
            assertThat(link).as("a console link among serve's first lines").isNotNull();
            String base = link.group(1);
            String key = link.group(2);

            Job job;
            try (PerstackClient client = PerstackClient.builder().apiKey(key).baseUrl(base).build()) {
                String appId = client.applications().create(CreateApplicationInput.builder().name("Served app").build())
                        .orElseThrow().data().application().id();
                var draft = client.experts().drafts().create("@local/served", CreateDraftInput.builder().applicationId(appId)
                        .addExpert(ConsoleTestBase.expert("main", "Served", "Serves", List.of())).build()).orElseThrow().data().draft();
                client.experts().drafts().assignVersion("@local/served", draft.id(), AssignVersionInput.of("1.0.0")).orElseThrow();
                job = client.jobs().start(StartJobInput.builder().applicationId(appId).expertKey("@local/served@1.0.0")
                        .query("/steps 30\n/sleep 200\nServe the people").provider("mock").build()).orElseThrow().data().job();
            }

            browser.open(link.group(0).substring(link.group(0).indexOf("http")));
            browser.findWithText("main h1", "Home");
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/console/#/");
            browser.findWithText("main tbody tr", "Served app");
            browser.click("main tbody a", job.id());
            browser.waitFor(d -> browser.all("li.step").size() >= 3);
            int drawn = browser.all("li.step").size();
            browser.waitFor(d -> browser.all("li.step").size() > drawn);
            assertThat(browser.text("[data-testid=job-status]")).isEqualTo("running");
            assertThat(browser.text("[data-testid=stream-state]")).contains("live");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
