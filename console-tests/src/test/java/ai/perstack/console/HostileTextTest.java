package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.applications.Application;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.env.CreateVariableInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Text from the API that would run if it were treated as HTML — script tags, event handler
 * attributes, javascript: links — in every field the console shows. Each view must show it as
 * text: no script runs, no element or attribute comes from it, no link leaves the console.
 */
class HostileTextTest extends ConsoleTestBase {
    static final String SCRIPT = "<script>window.__pwned='script'</script>";
    static final String IMG = "<img src=x onerror=\"window.__pwned='img'\">";
    static final String LINK = "javascript:window.__pwned='link'";
    static final String ANCHOR = "<a href=\"javascript:window.__pwned='a'\">click</a>";
    static final String ALL = SCRIPT + " " + IMG + " " + ANCHOR + " " + LINK;
    static Job answered;
    static Job waiting;

    @BeforeAll
    static void seed() throws Exception {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        Application app = application(SCRIPT + IMG);
        client().env().variables().create(new CreateVariableInput("HOSTILE", ALL)).orElseThrow();
        ObjectMapper json = new ObjectMapper();
        Expert hostile = Expert.builder().key("main").name("hostile").description(IMG + " " + ANCHOR + " description")
                .instruction(SCRIPT + " instruction " + LINK)
                .skill("ask", Skill.of(json.readTree("""
                        {"type": "interactiveSkill", "description": %s, "rule": %s,
                         "tools": {"askUser": {"description": %s, "inputJsonSchema": %s}}}
                        """.formatted(q(json, IMG), q(json, SCRIPT), q(json, ANCHOR),
                        q(json, "{\"type\": \"object\", \"title\": " + q(json, LINK) + "}")))))
                .skill("shell", Skill.of(json.readTree("""
                        {"type": "mcpStdioSkill", "command": %s, "args": [%s], "description": %s}
                        """.formatted(q(json, SCRIPT), q(json, IMG), q(json, LINK)))))
                .skill("remote", Skill.of(json.readTree("""
                        {"type": "mcpSseSkill", "endpoint": "https://example.invalid/sse?x=%%3Cscript%%3E", "description": %s}
                        """.formatted(q(json, ANCHOR)))))
                .build();
        publishVersion("@local/hostile", app.id(), "1.0.0", ALL, hostile);
        answered = startJob(app.id(), "@local/hostile@1.0.0", ALL + "\n/todo " + IMG + "; " + SCRIPT + "\n/ask " + ANCHOR);
        awaitStatus(answered.id(), JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
        client().jobs().continueJob(answered.id(), ContinueJobInput.answer(ALL)).orElseThrow();
        awaitStatus(answered.id(), JobStatus.COMPLETED);
        // Workspace file names are the user's (and the model's) text too; SCRIPT's "/" makes a directory.
        for (String name : List.of(IMG + ".txt", SCRIPT + ".md")) {
            client().jobs().workspace().upload(answered.id(), name, name.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        }
        waiting = startJob(app.id(), "@local/hostile@1.0.0", IMG + "\n/ask " + SCRIPT);
        awaitStatus(waiting.id(), JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
    }

    private static String q(ObjectMapper json, String s) throws Exception {
        return json.writeValueAsString(s);
    }

    @Test
    void everyViewShowsHostileTextAsText() throws Exception {
        openSignedIn("/");
        for (String route : List.of("/", "/applications", "/env", "/experts", "/experts/local/hostile", "/jobs",
                "/jobs/" + answered.id(), "/jobs/" + waiting.id())) {
            go(route);
            if (route.startsWith("/experts/")) {
                browser.click("button", "Definition");
                browser.find(".shown-definition .member");
                browser.all("details").forEach(d -> browser.script("arguments[0].open = true", d));
            }
            try {
                browser.waitFor(d -> browser.text("main").contains("<script>window.__pwned='script'</script>"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(route + " does not show the text literally: " + browser.text("main"), e);
            }
            assertNothingRan(route);
        }
        // The strings were drawn where they belong.
        go("/jobs/" + answered.id());
        browser.findWithText("li.step[data-type=complete]", "(answer: " + SCRIPT);
        assertThat(browser.all("li.step[data-type=todo] .todos li")).extracting(e -> e.getText())
                .containsExactly("☐ " + IMG, "☐ " + SCRIPT);
        assertNothingRan("answered job");
    }

    @Test
    void hostileFileNamesAreListedDownloadedAndChosenAsText() throws Exception {
        openSignedIn("/jobs/" + answered.id());
        var row = browser.findWithText("[data-testid=files] tbody tr", IMG + ".txt");
        assertThat(browser.all("[data-testid=files] .file-path")).extracting(e -> e.getText())
                .containsExactlyInAnyOrder(SCRIPT + ".md", IMG + ".txt");
        assertNothingRan("files panel");
        row.findElement(org.openqa.selenium.By.xpath(".//button[text()='Download']")).click();
        // Chromium may rewrite characters of a name it saves; the bytes are the file's.
        byte[] saved = browser.waitFor(d -> {
            try (var files = Files.list(browser.downloads)) {
                return files.filter(f -> !f.toString().endsWith(".crdownload")).findFirst().map(f -> {
                    try {
                        return Files.readAllBytes(f);
                    } catch (java.io.IOException e) {
                        return null;
                    }
                }).orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        assertThat(new String(saved, StandardCharsets.UTF_8)).isEqualTo(IMG + ".txt");
        assertNothingRan("download");

        // A local file with such a name, chosen as an input file: its name and default path are text.
        go("/jobs/new");
        browser.choose("form[aria-label='Start a job'] input[type=file]", localFile(IMG + ".txt", "hostile"));
        browser.findWithText("form[aria-label='Start a job'] .upload-list .file-name", IMG + ".txt");
        assertThat(browser.find("form[aria-label='Start a job'] .upload-list input[name=uploadPath]").getAttribute("value"))
                .isEqualTo(IMG + ".txt");
        assertNothingRan("input file picker");
    }

    @Test
    void anAnswerWithHostileTextIsSentAsText() throws Exception {
        Job job = startJob(answered.applicationId(), "@local/hostile@1.0.0", "Greet\n/ask " + IMG);
        awaitStatus(job.id(), JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
        openSignedIn("/jobs/" + job.id());
        browser.find(".answer-form textarea").sendKeys(ALL);
        browser.click(".answer-form button", "Answer");
        browser.findWithText("li.step[data-type=complete]", "(answer: " + SCRIPT);
        assertThat(awaitStatus(job.id(), JobStatus.COMPLETED).result()).hasValue("Done: Greet (answer: " + ALL + ")");
        assertNothingRan("answer");
    }

    private static void assertNothingRan(String where) {
        assertThat(browser.text("main")).as(where + ": a missing value printed").doesNotContainPattern(
                "\\bnull\\b|\\bundefined\\b|\\[object Object\\]|NaN");
        assertThat(browser.script("return window.__pwned === undefined")).as(where + ": a hostile script ran").isEqualTo(true);
        try {
            String alert = browser.driver.switchTo().alert().getText();
            throw new AssertionError(where + ": an alert opened: " + alert);
        } catch (NoAlertPresentException expected) {
            // no alert: good
        }
        assertThat(browser.all("script")).as(where + ": scripts").hasSize(1);
        assertThat(browser.all("img, iframe, object, embed")).as(where + ": injected elements").isEmpty();
        assertThat(browser.script("return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
                + ".filter(a => a.name.startsWith('on')).map(a => a.name)")).as(where + ": event handler attributes")
                .asList().isEmpty();
        // Read in one script: the page redraws while it is read.
        assertThat(browser.script("return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
                .as(where + ": links").asList().allSatisfy(href -> assertThat((String) href).startsWith("#/"));
        assertThat(browser.consoleMessages()).as(where + ": browser console").noneMatch(m -> m.contains("SEVERE")
                || m.contains("Content Security Policy"));
    }
}
