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
    }
}
