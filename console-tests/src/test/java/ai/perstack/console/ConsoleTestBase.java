package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.SkillTool;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.testkit.LocalPerstack;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real platform (testkit, temporary H2) and one headless Chromium per test class; data is
 * seeded through the Java client over HTTP, like any user would.
 */
@org.junit.jupiter.api.extension.ExtendWith(FailureScreenshots.class)
abstract class ConsoleTestBase {
    static LocalPerstack perstack;
    static Browser browser;

    @BeforeAll
    static void startPlatformAndBrowser() {
        if (Browser.installed()) {
            perstack = LocalPerstack.start();
            browser = Browser.start();
        }
    }

    /** Without Chromium every test is reported skipped, each with the reason. */
    @org.junit.jupiter.api.BeforeEach
    void needsTheBrowser() {
        Browser.assumeInstalled();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (perstack != null) {
            perstack.close();
            perstack = null;
        }
    }

    static PerstackClient client() {
        return perstack.client();
    }

    /** Opens a console route signed in, through the link `perstack serve` prints. */
    static void openSignedIn(String route) {
        // #key=K&ROUTE: the console keeps the key, then shows #/ROUTE.
        browser.open(perstack.consoleUrl() + "&" + (route.startsWith("/") ? route.substring(1) : route));
        browser.find("main section");
    }

    static void go(String route) {
        browser.script("location.hash = arguments[0];", "#" + route);
        browser.find("main section");
    }

    static Application application(String name) {
        return perstack.createApplication(name);
    }

    /** An expert with an interactive skill `ask` (tool askUser) and, optionally, delegates. */
    static Expert expert(String key, String name, String description, List<String> delegates) {
        ObjectMapper json = new ObjectMapper();
        SkillTool askUser = SkillTool.of("Ask the user a question",
                json.valueToTree(Map.of("type", "object", "properties", Map.of("question", Map.of("type", "string")))));
        // Core's expert names are lower-case; the display names the tests pass read better.
        return Expert.builder().key(key).name(name.toLowerCase(java.util.Locale.ROOT)).description(description)
                .instruction("Help the user. " + description)
                .skill("ask", Skill.interactive("Questions to the user", Map.of("askUser", askUser)))
                .delegates(delegates).build();
    }

    /** An expert that may use the base skill's file tools (the mock calls them with {@code /tool @perstack/base ...}). */
    static Expert filer(String key) {
        return Expert.builder().key(key).name(key).description("Works with files").instruction("Read and write the files asked for.")
                .skill(Skill.BASE, Skill.base()).build();
    }

    /** A local file with {@code text}, named {@code name}, in a new temporary directory. */
    static Path localFile(String name, String text) throws java.io.IOException {
        Path file = Files.createTempDirectory("console-upload-").resolve(name);
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return file;
    }

    /** A draft of {@code experts} in {@code scope}, assigned {@code version}; returns the draft. */
    static ExpertDraft publishVersion(String scope, String appId, String version, String description, Expert... experts) {
        ExpertDraft draft = client().experts().drafts().create(scope, CreateDraftInput.builder().applicationId(appId)
                .experts(List.of(experts)).category("writing").description(description).build()).orElseThrow().data().draft();
        client().experts().drafts().assignVersion(scope, draft.id(), AssignVersionInput.of(version)).orElseThrow();
        return draft;
    }

    static Job startJob(String appId, String expertKey, String query) {
        return client().jobs().start(StartJobInput.builder().applicationId(appId).expertKey(expertKey).query(query)
                .provider("mock").build()).orElseThrow().data().job();
    }

    static Job job(String id) {
        return client().jobs().get(id).orElseThrow().data().job();
    }

    /** Polls the job through the API until it has the status (bounded: the job ends by itself). */
    static Job awaitStatus(String id, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Job j = job(id);
        while (!j.status().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            j = job(id);
        }
        assertThat(j.status()).isEqualTo(status);
        return j;
    }

    /** Keeps a screenshot: always under target/screenshots, or where -Dconsole.screenshots says. */
    static void screenshot(String name) throws java.io.IOException {
        Path dir = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.screenshot());
    }
}
