package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.WorkspaceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The job view's Files panel: what the job wrote, listed live and downloaded; uploads into the workspace. */
class WorkspaceFilesViewTest extends ConsoleTestBase {
    static String appId;
    static final String KEY = "@local/filer@1.0.0";
    static final String REPORT = "# Report\nwritten by the job, ünïcödé\n";

    @BeforeAll
    static void seed() {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        appId = application("files").id();
        publishVersion("@local/filer", appId, "1.0.0", "Works with files", filer("main"));
    }

    private static String writeReport(String path) {
        return "/tool @perstack/base writeTextFile {\"path\":\"" + path + "\",\"text\":" + jsonString(REPORT) + "}";
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static WebElement fileRow(String path) {
        return browser.findWithText("[data-testid=files] tbody tr", path);
    }

    @Test
    void whatARunningJobWritesIsListedAsItsCheckpointsArriveAndDownloadsWithItsBytes() throws Exception {
        // The file is written in the first working step; twenty slow steps follow, so the job is still
        // running when the list shows it: the checkpoints refreshed it, not the end of the job.
        Job job = startJob(appId, KEY, writeReport("out/report.md") + "\n/steps 20\n/sleep 300\nWrite the report");
        openSignedIn("/jobs/" + job.id());
        WebElement row = fileRow("out/report.md");
        assertThat(job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
        int size = REPORT.getBytes(StandardCharsets.UTF_8).length;
        assertThat(row.getText()).contains(size + " B");
        assertThat(row.findElement(By.cssSelector("time")).getAttribute("datetime")).isNotBlank();

        // By keyboard: the button is a native one, so Enter on it downloads.
        row.findElement(By.xpath(".//button[text()='Download']")).sendKeys(Keys.ENTER);
        assertThat(new String(browser.downloaded("report.md"), StandardCharsets.UTF_8)).isEqualTo(REPORT);
        // The key never went into an address: the download is a blob the page made.
        assertThat(browser.script("return performance.getEntriesByType('resource').map(r => r.name)"
                + ".filter(n => n.includes('workspace/file?'))")).asList()
                .allSatisfy(u -> assertThat((String) u).doesNotContain("psk_", "key="));
        client().jobs().cancel(job.id()).orElseThrow();
    }

    @Test
    void theListIsRefreshedOnDemand() throws Exception {
        Job job = startJob(appId, KEY, "Nothing to write");
        awaitStatus(job.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + job.id());
        browser.findWithText("[data-testid=files]", "No files in the workspace yet.");
        client().jobs().workspace().upload(job.id(), "late/added.txt", "added".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        browser.findWithText(".files button", "Refresh").sendKeys(Keys.ENTER);
        assertThat(fileRow("late/added.txt").getText()).contains("5 B");
    }

    @Test
    void aFileIsUploadedIntoTheWorkspaceFromThePanelAtAnEditedPath() throws Exception {
        Job job = startJob(appId, KEY, "Wait for notes");
        awaitStatus(job.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + job.id());
        Path local = localFile("notes.txt", "notes from the panel");
        browser.choose(".files input[type=file]", local);
        WebElement path = browser.find(".files .upload-list input[name=uploadPath]");
        assertThat(path.getAttribute("value")).isEqualTo("notes.txt");
        path.clear();
        path.sendKeys("in/notes.txt");
        browser.click(".files .upload-form button", "Upload");
        browser.findWithText("[data-testid=files-status] .notice-ok", "Uploaded in/notes.txt");
        fileRow("in/notes.txt");
        assertThat(client().jobs().workspace().list(job.id()).orElseThrow().files()).extracting(WorkspaceFile::path)
                .containsExactly("in/notes.txt");
        assertThat(new String(client().jobs().workspace().download(job.id(), "in/notes.txt").orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo("notes from the panel");
    }

    @Test
    void aRefusedUploadShowsTheApiErrorNamingThePath() throws Exception {
        Job job = startJob(appId, KEY, "Refuse");
        awaitStatus(job.id(), JobStatus.COMPLETED);
        openSignedIn("/jobs/" + job.id());
        browser.choose(".files input[type=file]", localFile("x.txt", "x"));
        WebElement path = browser.find(".files .upload-list input[name=uploadPath]");
        path.clear();
        path.sendKeys("../outside.txt");
        browser.click(".files .upload-form button", "Upload");
        String error = browser.findWithText("[data-testid=files-status] .notice-error", "path").getText();
        assertThat(error).startsWith("Upload x.txt: path: ").contains("..");
        assertThat(client().jobs().workspace().list(job.id()).orElseThrow().files()).isEmpty();
    }
}
