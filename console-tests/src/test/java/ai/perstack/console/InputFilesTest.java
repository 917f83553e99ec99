package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.server.workspaces.StagedUploads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Input files on "start a job" and on "continue": staged, named in `uploads`, read by the job. */
class InputFilesTest extends ConsoleTestBase {
    static String appId;
    static final String KEY = "@local/reader@1.0.0";

    @BeforeAll
    static void seed() {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        appId = application("inputs").id();
        publishVersion("@local/reader", appId, "1.0.0", "Reads files", filer("main"));
    }

    private static String read(String path) {
        return "/tool @perstack/base readTextFile {\"path\":\"" + path + "\"}";
    }

    /** Fills the start form with the expert and query; the files are chosen by the caller. */
    private static void fillStartForm(String query) {
        openSignedIn("/jobs/new");
        browser.find("form[aria-label='Start a job'] input[name=expertKey]").sendKeys(KEY);
        browser.find("form[aria-label='Start a job'] textarea[name=query]").sendKeys(query);
    }

    private static WebElement uploadPath(String scope, int i) {
        return browser.waitFor(d -> {
            var paths = browser.all(scope + " .upload-list input[name=uploadPath]");
            return paths.size() > i ? paths.get(i) : null;
        });
    }

    @Test
    void aJobStartedWithAnInputFileReadsItInItsFirstStep() throws Exception {
        fillStartForm(read("in/brief.txt") + "\nRead the brief");
        browser.choose("form[aria-label='Start a job'] input[type=file]", localFile("brief.txt", "the brief, from the browser"),
                localFile("extra.txt", "an extra file"));
        WebElement first = uploadPath("form[aria-label='Start a job']", 0);
        assertThat(first.getAttribute("value")).isEqualTo("brief.txt");
        assertThat(uploadPath("form[aria-label='Start a job']", 1).getAttribute("value")).isEqualTo("extra.txt");
        first.clear();
        first.sendKeys("in/brief.txt");
        browser.click("form[aria-label='Start a job'] button", "Start");

        awaitFileRead("the brief, from the browser");
        String jobId = browser.driver.getCurrentUrl().replaceAll(".*#/jobs/", "");
        Job job = awaitStatus(jobId, JobStatus.COMPLETED);
        assertThat(job.files()).containsExactly("in/brief.txt", "extra.txt");
        browser.findWithText("[data-testid=files] tbody tr", "extra.txt");
        assertThat(stagedUploads()).as("staged uploads left over").isEmpty();
    }

    @Test
    void aContinueBringsInputFilesTheJobThenReads() throws Exception {
        Job job = startJob(appId, KEY, "First part");
        awaitStatus(job.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + job.id());
        browser.find(".job-controls input[name=query]").sendKeys(read("more.txt") + " Read more");
        browser.choose(".continue-form input[type=file]", localFile("more.txt", "more to read"));
        uploadPath(".continue-form", 0);
        browser.click(".job-controls button", "Continue");
        awaitFileRead("more to read");
        assertThat(awaitStatus(job.id(), JobStatus.COMPLETED).files()).contains("more.txt");
    }

    @Test
    void aRefusedStartShowsTheErrorNamingTheUploadAndDeletesWhatItStaged() throws Exception {
        long jobsBefore = jobCount();
        fillStartForm("Never starts");
        browser.choose("form[aria-label='Start a job'] input[type=file]", localFile("fine.txt", "fine"),
                localFile("bad.txt", "bad"));
        WebElement second = uploadPath("form[aria-label='Start a job']", 1);
        second.clear();
        second.sendKeys("perstack/reserved.txt");
        browser.click("form[aria-label='Start a job'] button", "Start");

        String error = browser.findWithText("form[aria-label='Start a job'] .form-status .notice-error", "uploads[1]").getText();
        assertThat(error).startsWith("Start: ").contains("uploads[1].path (bad.txt)");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/jobs/new");
        assertThat(jobCount()).isEqualTo(jobsBefore);
        browser.waitFor(d -> stagedUploads().isEmpty());
    }

    /** Waits for a readTextFile step whose content (folded away in the page) holds {@code text}. */
    private static void awaitFileRead(String text) {
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script("return [...document.querySelectorAll("
                + "'li.step[data-type=readTextFile]')].some(e => e.textContent.includes(arguments[0]))", text)));
    }

    private static long jobCount() {
        return client().jobs().list(ListJobsParams.builder().take(1).build()).orElseThrow().meta().total();
    }

    /** The organization's staged uploads on disk (the platform keeps no other record of them). */
    static java.util.List<Path> stagedUploads() {
        Path root = perstack.platform().config().workspacesDir().resolve(StagedUploads.DIRECTORY);
        if (!Files.isDirectory(root)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
