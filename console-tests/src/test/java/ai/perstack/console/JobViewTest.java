package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The job view: live checkpoints, every activity drawn, the chart, answering, controls. */
class JobViewTest extends ConsoleTestBase {
    static String appId;
    static final String KEY = "@local/writer@1.0.0";

    @BeforeAll
    static void seed() {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        appId = application("writing").id();
        publishVersion("@local/writer", appId, "1.0.0", "Writes things",
                expert("main", "Writer", "Writes short texts", List.of("helper")),
                expert("helper", "Helper", "Summarizes notes", List.of()));
    }

    private static List<Integer> sequencesOnPage() {
        return browser.all("li.step").stream().map(e -> Integer.parseInt(e.getAttribute("data-seq"))).toList();
    }

    @Test
    void checkpointsArriveLiveWhileTheJobRuns() throws Exception {
        Job job = startJob(appId, KEY, "/steps 20\n/sleep 250\nSummarize the log");
        openSignedIn("/jobs/" + job.id());
        browser.waitFor(d -> browser.all("li.step").size() >= 3);
        // Drawn while the job is still running: the page did not wait for the end.
        assertThat(job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
        assertThat(browser.text("[data-testid=stream-state]")).contains("live");
        assertThat(browser.text("[data-testid=job-status]")).isIn("running", "queued");

        browser.findWithText("li.step[data-type=complete]", "Done: Summarize the log");
        browser.findWithText("[data-testid=job-status]", "completed");
        Job done = job(job.id());
        assertThat(sequencesOnPage()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, (int) done.totalSteps()).boxed().toList());
        // A working step is `think` today and core's `generalTool` after it: told by its text, not its type.
        assertThat(browser.all("li.step")).filteredOn(e -> e.getText().contains("Working on: Summarize the log")).hasSize(20);
        assertThat(browser.all("svg.chart rect.bar")).hasSize((int) done.totalSteps());
        assertThat(browser.text("[data-testid=job-tokens]"))
                .isEqualTo(String.format(java.util.Locale.US, "%,d", done.usage().totalTokens()));
        assertThat(browser.text("[data-testid=job-steps]")).startsWith(done.totalSteps() + " / ");
        assertThat(browser.text("[data-testid=job-result]")).isEqualTo("Done: Summarize the log");
        browser.findWithText("[data-testid=stream-state]", "ended");
    }

    @Test
    void anInteractiveToolIsAnsweredFromThePage() throws Exception {
        Job job = startJob(appId, KEY, "Write a greeting\n/ask Who is the audience?");
        openSignedIn("/jobs/" + job.id());
        WebElement item = browser.findWithText("li.step[data-type=interactiveTool]", "ask → askUser");
        assertThat(item.getText()).contains("Who is the audience?");
        WebElement answer = browser.find(".answer-form textarea");
        answer.sendKeys("Java developers");
        browser.click(".answer-form button", "Answer");

        browser.findWithText("li.step[data-type=complete]", "Done: Write a greeting (answer: Java developers)");
        assertThat(awaitStatus(job.id(), JobStatus.COMPLETED).result()).hasValue("Done: Write a greeting (answer: Java developers)");
        browser.findWithText("[data-testid=job-status]", "completed");
        browser.waitFor(d -> browser.all(".answer-form").isEmpty());
        assertThat(sequencesOnPage()).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aDelegateRunIsNestedUnderItsDelegation() throws Exception {
        Job job = startJob(appId, KEY, "Write the report\n/delegate helper Summarize the notes");
        awaitStatus(job.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + job.id());
        WebElement delegation = browser.findWithText("li.step[data-type=delegate]", "helper");
        browser.waitFor(d -> !delegation.findElements(By.cssSelector(".nested li.step[data-type=complete]")).isEmpty());
        List<WebElement> nested = delegation.findElements(By.cssSelector(".nested li.step"));
        assertThat(nested).extracting(e -> e.getAttribute("data-type")).hasSize(3).startsWith("query").endsWith("complete");
        assertThat(nested.get(0).getText()).contains("Summarize the notes");
        assertThat(browser.all(".timeline > .run-block > .run > li.step[data-type=delegationComplete]")).hasSize(1);
        // The coordinator's own steps stay in the top run.
        assertThat(browser.all(".timeline > .run-block > .run > li.step[data-type=complete]")).hasSize(1);
    }

    @Test
    void todosRetriesAndErrorsAreDrawnByTheirType() throws Exception {
        Job todo = startJob(appId, KEY, "Plan the week\n/todo Draft; Review; Ship\n/fail-once");
        awaitStatus(todo.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + todo.id());
        WebElement list = browser.find("li.step[data-type=todo]");
        assertThat(list.findElements(By.cssSelector(".todos li"))).extracting(WebElement::getText)
                .containsExactly("☐ Draft", "☐ Review", "☐ Ship");
        assertThat(browser.text("li.step[data-type=retry]")).contains("Retry");

        Job failing = client().jobs().start(ai.perstack.client.jobs.StartJobInput.builder().applicationId(appId)
                .expertKey(KEY).query("Fail\n/fail").provider("mock").maxRetries(1).build()).orElseThrow().data().job();
        awaitStatus(failing.id(), JobStatus.STOPPED_BY_ERROR);
        go("/jobs/" + failing.id());
        assertThat(browser.text("li.step[data-type=error]")).contains("MockProviderError");
        browser.findWithText("[data-testid=job-status]", "stoppedByError");
    }

    @Test
    void aJobIsPausedResumedAndCanceledFromThePage() throws Exception {
        Job job = startJob(appId, KEY, "/steps 100\n/sleep 200\nA long task");
        openSignedIn("/jobs/" + job.id());
        browser.click(".job-controls button", "Pause");
        browser.findWithText("[data-testid=job-status]", "paused");
        assertThat(job(job.id()).status()).isEqualTo(JobStatus.PAUSED);
        browser.click(".job-controls button", "Resume");
        browser.findWithText("[data-testid=job-status]", "running");
        browser.click(".job-controls button", "Cancel");
        browser.driver.switchTo().alert().accept();
        browser.findWithText("[data-testid=job-status]", "canceled");
        assertThat(job(job.id()).status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void aCompletedJobIsContinuedWithANewQuery() throws Exception {
        Job job = startJob(appId, KEY, "First task");
        awaitStatus(job.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + job.id());
        browser.findWithText("li.step[data-type=complete]", "Done: First task");
        browser.find(".job-controls input[name=query]").sendKeys("Second task");
        browser.click(".job-controls button", "Continue");
        browser.findWithText("li.step[data-type=complete]", "Done: Second task");
        assertThat(browser.all(".timeline > .run-block")).hasSize(2);
        assertThat(sequencesOnPage()).doesNotHaveDuplicates().isSorted();
    }
}
