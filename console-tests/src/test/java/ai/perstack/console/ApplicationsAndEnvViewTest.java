package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.env.Variable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The applications and environment views, checked against the API. */
class ApplicationsAndEnvViewTest extends ConsoleTestBase {

    private static Application byName(String name) {
        return client().applications().list(new ListApplicationsParams(name, null, null, 100, null)).orElseThrow()
                .data().applications().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    private static WebElement row(String text) {
        return browser.findWithText("main tbody tr", text);
    }

    @Test
    void applicationsAreCreatedRenamedDeactivatedAndDeleted() {
        openSignedIn("/applications");
        browser.find("form[aria-label='Create an application'] input[name=name]").sendKeys("Billing");
        browser.click("form[aria-label='Create an application'] button", "Create");
        browser.findWithText(".notice-ok", "Created Billing");
        row("Billing");
        assertThat(byName("Billing").status().value()).isEqualTo("active");

        row("Billing").findElement(org.openqa.selenium.By.xpath(".//button[text()='Rename']")).click();
        var prompt = browser.driver.switchTo().alert();
        prompt.sendKeys("Invoices");
        prompt.accept();
        browser.findWithText(".notice-ok", "Renamed to Invoices");
        assertThat(byName("Billing")).isNull();
        String id = byName("Invoices").id();

        browser.waitFor(d -> {
            row("Invoices").findElement(org.openqa.selenium.By.xpath(".//button[text()='Deactivate']")).click();
            return true;
        });
        browser.waitFor(d -> row("Invoices").getText().contains("inactive"));
        assertThat(client().applications().get(id).orElseThrow().data().application().status().value()).isEqualTo("inactive");

        browser.waitFor(d -> {
            row("Invoices").findElement(org.openqa.selenium.By.xpath(".//button[text()='Delete']")).click();
            return true;
        });
        browser.driver.switchTo().alert().accept();
        browser.findWithText(".notice-ok", "Deleted Invoices");
        assertThat(client().applications().get(id).ok()).isFalse();
    }

    @Test
    void variablesAreEditableAndSecretsWriteOnly() {
        openSignedIn("/env");
        var variableForm = "form[aria-label='Add a variable'] ";
        browser.find(variableForm + "input[name=name]").sendKeys("REGION");
        browser.find(variableForm + "input[name=value]").sendKeys("eu-west-1");
        browser.click(variableForm + "button", "Add variable");
        browser.findWithText(".notice-ok", "Added REGION");
        assertThat(row("REGION").getText()).contains("eu-west-1");

        browser.waitFor(d -> {
            row("REGION").findElement(org.openqa.selenium.By.xpath(".//button[text()='Edit']")).click();
            return true;
        });
        var prompt = browser.driver.switchTo().alert();
        prompt.sendKeys("us-east-2");
        prompt.accept();
        browser.findWithText(".notice-ok", "Updated REGION");
        browser.waitFor(d -> row("REGION").getText().contains("us-east-2"));
        assertThat(client().env().variables().get("REGION").orElseThrow().data().variable())
                .extracting(Variable::value).isEqualTo("us-east-2");

        var secretForm = "form[aria-label='Add a secret'] ";
        String secret = "sk-test-do-not-show-" + System.nanoTime();
        browser.find(secretForm + "input[name=name]").sendKeys("PAYMENTS_TOKEN");
        browser.find(secretForm + "input[name=value]").sendKeys(secret);
        assertThat(browser.find(secretForm + "input[name=value]").getDomAttribute("type")).isEqualTo("password");
        browser.click(secretForm + "button", "Add secret");
        browser.findWithText(".notice-ok", "Added PAYMENTS_TOKEN");
        assertThat(row("PAYMENTS_TOKEN").getText()).contains("write-only");
        assertThat(browser.driver.getPageSource()).doesNotContain(secret);
        assertThat(client().env().secrets().get("PAYMENTS_TOKEN").ok()).isTrue();

        browser.waitFor(d -> {
            row("PAYMENTS_TOKEN").findElement(org.openqa.selenium.By.xpath(".//button[text()='Delete']")).click();
            return true;
        });
        browser.driver.switchTo().alert().accept();
        browser.findWithText(".notice-ok", "Deleted PAYMENTS_TOKEN");
        assertThat(client().env().secrets().get("PAYMENTS_TOKEN").ok()).isFalse();
    }
}
