package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.Visibility;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The experts views: scopes, versions with tags and yanked marks, drafts, definitions, and their actions. */
class ExpertsViewTest extends ConsoleTestBase {
    static String appId;

    @BeforeAll
    static void seed() {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        appId = application("registry").id();
        publishVersion("@local/reviewer", appId, "1.0.0", "Reviews pull requests",
                expert("main", "Reviewer", "Reviews code", List.of("summarizer")),
                expert("summarizer", "Summarizer", "Summarizes diffs", List.of()));
        publishVersion("@local/reviewer", appId, "1.1.0", "Reviews pull requests",
                expert("main", "Reviewer", "Reviews code better", List.of()));
    }

    private static List<ExpertVersion> versions() {
        return client().experts().versions().list("@local/reviewer").orElseThrow().data().versions();
    }

    @Test
    void theScopesAreListedWithTheirLatestVersionAndTags() {
        openSignedIn("/experts");
        var row = browser.findWithText("main tbody tr", "@local/reviewer");
        assertThat(row.getText()).contains("Reviews pull requests", "writing", "private", "1.1.0", "latest → 1.1.0");
        row.findElement(By.cssSelector("a")).click();
        browser.findWithText("main tbody tr", "1.0.0");
        assertThat(browser.all("main tbody tr")).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).startsWith("1.1.0").contains("latest"))
                .anySatisfy(t -> assertThat(t).startsWith("1.0.0"));
    }

    @Test
    void aVersionsDefinitionIsReadableWithSkillsAndDelegates() {
        openSignedIn("/experts/local/reviewer");
        browser.findWithText("main tbody tr", "1.0.0").findElement(By.xpath(".//button[text()='Definition']")).click();
        var members = browser.waitFor(d -> {
            var m = browser.all(".shown-definition .member");
            return m.size() == 2 ? m : null;
        });
        assertThat(members.get(0).getText()).contains("reviewer", "main", "coordinator", "ask", "interactive",
                "askUser", "Questions to the user", "summarizer");
        assertThat(members.get(1).getText()).contains("summarizer", "No delegates.");
    }

    @Test
    void versionsAreYankedAndTheScopePublishedAndUnpublished() {
        openSignedIn("/experts/local/reviewer");
        browser.findWithText("main tbody tr", "1.0.0").findElement(By.xpath(".//button[text()='Yank']")).click();
        browser.driver.switchTo().alert().accept();
        browser.findWithText(".notice-ok", "Yanked 1.0.0");
        browser.waitFor(d -> browser.findWithText("main tbody tr", "1.0.0").getText().contains("yanked"));
        assertThat(versions()).filteredOn(v -> v.version().equals("1.0.0")).singleElement()
                .satisfies(v -> assertThat(v.yanked()).isTrue());

        browser.click("main .actions button", "Publish");
        browser.driver.switchTo().alert().accept();
        browser.findWithText(".notice-ok", "Now public");
        assertThat(scopeVisibility()).isEqualTo(Visibility.PUBLIC);
        browser.click("main .actions button", "Unpublish");
        browser.findWithText(".notice-ok", "Now private");
        assertThat(scopeVisibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void aDraftIsAssignedAVersionWithATag() {
        ExpertDraft draft = client().experts().drafts().create("@local/reviewer", CreateDraftInput.builder()
                .applicationId(appId).addExpert(expert("main", "Reviewer", "Reviews code, third try", List.of()))
                .build()).orElseThrow().data().draft();
        openSignedIn("/experts/local/reviewer");
        String form = "form[aria-label='Assign a version to draft " + draft.id() + "'] ";
        browser.find(form + "input[name=version]").sendKeys("2.0.0-beta.1");
        browser.find(form + "input[name=tag]").sendKeys("beta");
        browser.click(form + "button", "Assign version");
        browser.findWithText(".notice-ok", "Assigned 2.0.0-beta.1");
        browser.waitFor(d -> browser.findWithText("main tbody tr", "2.0.0-beta.1").getText().contains("beta"));
        assertThat(versions()).filteredOn(v -> v.version().equals("2.0.0-beta.1")).singleElement()
                .satisfies(v -> assertThat(v.tags()).contains("beta"));
    }

    private static Visibility scopeVisibility() {
        return client().experts().list().orElseThrow().data().experts().stream()
                .filter(s -> s.scopeName().equals("@local/reviewer")).findFirst().orElseThrow().visibility();
    }
}
