package ai.perstack.console;

import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Screenshots of the main views, light and dark, on a laptop and a phone. They land in
 * target/screenshots; {@code -Dconsole.screenshots=../docs/console} refreshes the ones the
 * documentation shows.
 */
class ScreenshotsTest extends ConsoleTestBase {

    @Test
    void theMainViews() throws Exception {
        String appId = application("Launch team").id();
        application("Support desk");
        client().env().variables().create(new ai.perstack.client.env.CreateVariableInput("REGION", "eu-west-1")).orElseThrow();
        client().env().secrets().create(new ai.perstack.client.env.CreateSecretInput("ANTHROPIC_API_KEY", "sk-not-shown")).orElseThrow();
        publishVersion("@local/writer", appId, "1.0.0", "Writes announcements; asks who they are for",
                expert("main", "Writer", "Writes announcements", List.of("summarizer")),
                expert("summarizer", "Summarizer", "Summarizes notes", List.of()));
        Job rich = startJob(appId, "@local/writer@1.0.0",
                "Write the launch announcement\n/todo Outline; Draft; Review\n/delegate summarizer Summarize the release notes\n"
                        + "/ask Who is the audience?");
        awaitStatus(rich.id(), JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
        client().jobs().continueJob(rich.id(), ContinueJobInput.answer("Java developers")).orElseThrow();
        awaitStatus(rich.id(), JobStatus.COMPLETED);
        Job failed = client().jobs().start(ai.perstack.client.jobs.StartJobInput.builder().applicationId(appId)
                .expertKey("@local/writer@1.0.0").query("Translate it\n/fail").provider("mock").maxRetries(1).build())
                .orElseThrow().data().job();
        awaitStatus(failed.id(), JobStatus.STOPPED_BY_ERROR);
        Job waiting = startJob(appId, "@local/writer@1.0.0", "Write the changelog\n/steps 3\n/ask Which version?");
        awaitStatus(waiting.id(), JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
        Job running = startJob(appId, "@local/writer@1.0.0", "/steps 500\n/sleep 400\nProofread the docs");

        for (String theme : List.of("light", "dark")) {
            browser.size(1280, 900);
            openSignedIn("/");
            browser.theme(theme);
            browser.findWithText("main tbody tr", running.id());
            screenshot("home-" + theme);

            browser.size(1280, 1900);
            go("/jobs/" + rich.id());
            browser.findWithText("li.step[data-type=complete]", "answer: Java developers");
            browser.script("window.scrollTo(0, 0)");
            screenshot("job-" + theme);

            browser.size(390, 1400);
            go("/jobs/" + waiting.id());
            browser.find(".answer-form textarea");
            browser.script("document.activeElement.blur(); window.scrollTo(0, 0)");
            screenshot("job-phone-" + theme);
        }
        browser.theme("light");
        browser.size(1280, 1100);
        go("/experts/local/writer");
        browser.click("button", "Definition");
        browser.find(".shown-definition .member");
        browser.script("window.scrollTo(0, 0)");
        screenshot("expert");
        browser.size(1280, 800);
        go("/jobs");
        browser.findWithText("main tbody tr", running.id());
        screenshot("jobs");
        go("/env");
        browser.findWithText("main tbody tr", "ANTHROPIC_API_KEY");
        screenshot("env");
        client().jobs().cancel(running.id()).orElseThrow();
        filesAndDrafts(appId);
    }

    /** The Files panel, input files on the start form, and a refused draft. */
    private static void filesAndDrafts(String appId) throws Exception {
        publishVersion("@local/filer", appId, "1.0.0", "Writes reports from notes", filer("main"));
        Job report = client().jobs().start(ai.perstack.client.jobs.StartJobInput.builder().applicationId(appId)
                .expertKey("@local/filer@1.0.0").provider("mock").query(String.join("\n",
                        "/tool @perstack/base readTextFile {\"path\":\"notes/launch.md\"}",
                        "/tool @perstack/base writeTextFile {\"path\":\"out/announcement.md\",\"text\":\"# We launched\\nToday.\"}",
                        "/tool @perstack/base writeTextFile {\"path\":\"out/summary.txt\",\"text\":\"Launched today.\"}",
                        "Write the announcement from the notes"))
                .addUpload("notes/launch.md", client().jobs().workspace().stage("# Launch notes\n".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).orElseThrow().id()).build()).orElseThrow().data().job();
        awaitStatus(report.id(), JobStatus.COMPLETED);
        browser.size(1280, 1000);
        go("/jobs/" + report.id());
        browser.findWithText("[data-testid=files] tbody tr", "out/summary.txt");
        browser.choose(".files input[type=file]", localFile("feedback.txt", "Looks good"));
        browser.find(".files .upload-list input[name=uploadPath]");
        browser.script("window.scrollTo(0, document.querySelector('.files').offsetTop - 70)");
        screenshot("job-files");
        browser.size(390, 1000);
        browser.theme("dark");
        browser.script("window.scrollTo(0, document.querySelector('.files').offsetTop - 110)");
        screenshot("job-files-phone-dark");
        browser.theme("light");

        go("/jobs/new?expertKey=" + java.net.URLEncoder.encode("@local/filer@1.0.0", java.nio.charset.StandardCharsets.UTF_8));
        browser.find("form[aria-label='Start a job'] textarea[name=query]").sendKeys("Write the announcement from the notes");
        browser.choose("form[aria-label='Start a job'] input[type=file]", localFile("launch.md", "# Launch notes"),
                localFile("metrics.csv", "day,signups\n1,120"));
        browser.find("form[aria-label='Start a job'] .upload-list input[name=uploadPath]");
        browser.script("window.scrollTo(0, 0)");
        screenshot("start-with-files");

        browser.size(1280, 1000);
        go("/experts/new");
        var scope = browser.find("form[aria-label='Create a draft'] input[name=scope]");
        scope.clear();
        scope.sendKeys("@local/announcer");
        var definition = browser.find("form[aria-label='Create a draft'] textarea[name=experts]");
        definition.clear();
        definition.sendKeys("[{\"key\": \"main\", \"name\": \"announcer\", \"delegates\": [\"main\"]}]");
        browser.click("form[aria-label='Create a draft'] button", "Create draft");
        browser.find("[data-testid=draft-status] .notice-error");
        browser.script("document.querySelector('[data-testid=draft-status]').scrollIntoView({block: 'end'})");
        screenshot("draft");
    }
}
