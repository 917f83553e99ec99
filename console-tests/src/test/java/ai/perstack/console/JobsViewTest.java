package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** The jobs list (filters, live status) and the form that starts a job. */
class JobsViewTest extends ConsoleTestBase {
    static String appId;
    static String otherAppId;

    @BeforeAll
    static void seed() {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        appId = application("Reports").id();
        otherAppId = application("Other").id();
        publishVersion("@local/reporter", appId, "1.0.0", "Writes reports", expert("main", "Reporter", "Reports", List.of()));
    }

    @Test
    void theListShowsLiveStatusAndFiltersByStatusAndApplication() throws Exception {
        Job quick = startJob(appId, "@local/reporter@1.0.0", "Quick report");
        awaitStatus(quick.id(), JobStatus.COMPLETED);
        Job other = startJob(otherAppId, "@local/reporter@1.0.0", "Other report");
        awaitStatus(other.id(), JobStatus.COMPLETED);
        Job slow = startJob(appId, "@local/reporter@1.0.0", "/steps 10\n/sleep 300\nSlow report");

        openSignedIn("/jobs");
        browser.waitFor(d -> browser.findWithText("main tbody tr", slow.id()).getText().contains("running"));
        // The list refreshes itself while a job runs: the status turns without a reload.
        browser.waitFor(d -> browser.findWithText("main tbody tr", slow.id()).getText().contains("completed"));

        new Select(browser.find("form.filters select[name=applicationId]")).selectByVisibleText("Other");
        browser.click("form.filters button", "Filter");
        browser.waitFor(d -> browser.all("main tbody tr").size() == 1);
        assertThat(browser.text("main tbody tr")).contains(other.id(), "Other report");

        new Select(browser.find("form.filters select[name=applicationId]")).selectByVisibleText("any application");
        new Select(browser.find("form.filters select[name=status]")).selectByValue("stoppedByError");
        browser.click("form.filters button", "Filter");
        browser.findWithText("main .empty", "No jobs yet.");
    }

    @Test
    void aJobIsStartedFromTheFormAndOpensItsView() throws Exception {
        openSignedIn("/jobs/new?expertKey=" + java.net.URLEncoder.encode("@local/reporter@1.0.0", "UTF-8"));
        new Select(browser.find("form.job-form select[name=applicationId]")).selectByVisibleText("Reports");
        assertThat(browser.find("form.job-form input[name=expertKey]").getDomProperty("value")).isEqualTo("@local/reporter@1.0.0");
        browser.find("form.job-form textarea[name=query]").sendKeys("Write the monthly report");
        browser.click("form.job-form button", "Start");
        browser.findWithText("li.step[data-type=complete]", "Done: Write the monthly report");
        String id = browser.driver.getCurrentUrl().replaceAll(".*#/jobs/", "");
        assertThat(awaitStatus(id, JobStatus.COMPLETED).applicationId()).isEqualTo(appId);
    }

    @Test
    void aRejectedStartShowsTheFieldAndRule() {
        openSignedIn("/jobs/new");
        browser.find("form.job-form input[name=expertKey]").sendKeys("not a key");
        browser.find("form.job-form textarea[name=query]").sendKeys("Anything");
        browser.click("form.job-form button", "Start");
        assertThat(browser.findWithText(".notice-error", "Start:").getText()).contains("expertKey");
    }
}
