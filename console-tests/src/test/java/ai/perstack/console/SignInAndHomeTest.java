package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing in (by the printed link, by the form), signing out, and the home view. */
class SignInAndHomeTest extends ConsoleTestBase {

    @Test
    void theLinkSignsInAndTheKeyLeavesTheAddressBar() throws Exception {
        String appId = application("Support desk").id();
        publishVersion("@local/helper", appId, "1.0.0", "Helps", expert("main", "Helper", "Helps", List.of()));
        Job job = startJob(appId, "@local/helper@1.0.0", "Answer the ticket");
        awaitStatus(job.id(), JobStatus.COMPLETED);

        browser.open(perstack.consoleUrl());
        browser.findWithText("main h2", "Recent jobs");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/#/").doesNotContain(perstack.apiKey());
        assertThat(browser.script("return sessionStorage.getItem('perstack.apiKey')")).isEqualTo(perstack.apiKey());
        assertThat(browser.script("return document.cookie")).isEqualTo("");
        assertThat(browser.driver.manage().getCookies()).isEmpty();

        browser.findWithText("main table a", job.id());
        assertThat(browser.text("main")).contains("Support desk", "completed", "@local/helper@1.0.0", "Answer the ticket");
        browser.click("main table a", job.id());
        browser.findWithText("li.step[data-type=complete]", "Done: Answer the ticket");
    }

    @Test
    void theFormSignsInWithAValidKeyOnly() {
        browser.open(perstack.baseUrl() + "/");
        browser.script("sessionStorage.clear()");
        browser.driver.navigate().refresh();
        browser.find("form.signin input[name=apiKey]").sendKeys("psk_not-a-key");
        browser.click("form.signin button", "Sign in");
        browser.findWithText(".notice-error", "The key was refused (401)");
        assertThat(browser.script("return sessionStorage.getItem('perstack.apiKey')")).isNull();

        var key = browser.find("form.signin input[name=apiKey]");
        key.clear();
        key.sendKeys(perstack.apiKey());
        browser.click("form.signin button", "Sign in");
        browser.findWithText("main h1", "Home");
        assertThat(browser.driver.getCurrentUrl()).matches(".*/console/(#/)?");

        browser.click("#signout", "Sign out");
        browser.find("form.signin");
        assertThat(browser.script("return sessionStorage.getItem('perstack.apiKey')")).isNull();
    }

    @Test
    void aRefusedKeyShowsTheSignInFormAgain() {
        browser.open(perstack.consoleUrl());
        browser.findWithText("main h1", "Home");
        browser.script("sessionStorage.setItem('perstack.apiKey', 'psk_revoked'); location.hash = '#/applications';");
        browser.findWithText(".notice-error", "401");
        browser.find("form.signin");
    }

    @Test
    void thePageIsKeyboardUsable() {
        openSignedIn("/");
        assertThat(browser.all("#skip")).hasSize(1);
        browser.driver.navigate().refresh();
        browser.find("main section");
        // Tab from the top reaches the skip link first, then the sections.
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("skip");
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("main");
        assertThat(browser.all("nav a")).extracting(e -> e.getText())
                .containsExactly("Home", "Applications", "Environment", "Experts", "Jobs");
    }

    @Test
    void theThemeSwitchesBetweenLightAndDarkAndIsKept() {
        openSignedIn("/");
        String first = (String) browser.script("return document.documentElement.dataset.theme");
        browser.find("#theme").click();
        String second = (String) browser.script("return document.documentElement.dataset.theme");
        assertThat(List.of(first, second)).containsExactlyInAnyOrder("light", "dark");
        String background = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
        browser.driver.navigate().refresh();
        browser.find("main section");
        assertThat(browser.script("return document.documentElement.dataset.theme")).isEqualTo(second);
        browser.find("#theme").click();
        assertThat(browser.script("return getComputedStyle(document.body).backgroundColor")).isNotEqualTo(background);
    }
}
