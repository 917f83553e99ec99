package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ListDraftsParams;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Creating an expert draft from the experts view: the definition as JSON, checked by the platform. */
class DraftCreationTest extends ConsoleTestBase {
    static final String FORM = "form[aria-label='Create a draft'] ";

    @BeforeAll
    static void seed() {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        application("drafting");
    }

    /** Opens the form from the experts list, as a user would, and fills it. */
    private static void fillForm(String scope, String definitionJson) {
        openSignedIn("/experts");
        browser.click("main .actions a", "Create a draft");
        WebElement scopeInput = browser.find(FORM + "input[name=scope]");
        scopeInput.clear();
        scopeInput.sendKeys(scope);
        WebElement definition = browser.find(FORM + "textarea[name=experts]");
        definition.clear();
        definition.sendKeys(definitionJson);
    }

    private static List<ExpertDraft> drafts(String scope) {
        return client().experts().drafts().list(scope, ListDraftsParams.none()).orElseThrow().data().drafts();
    }

    @Test
    void aDraftIsCreatedAndShownWithItsDefinition() {
        fillForm("@local/notetaker", """
                [{"key": "main", "name": "notetaker", "description": "Takes notes",
                  "instruction": "Write down what you are told.", "delegates": ["helper"]},
                 {"key": "helper", "name": "helper", "instruction": "Tidy the notes."}]""");
        browser.find(FORM + "input[name=description]").sendKeys("Takes notes for the team");
        browser.click(FORM + "button", "Create draft");

        // The scope's page, with the new draft as drafts are shown there.
        browser.findWithText("main h1", "@local/notetaker");
        WebElement card = browser.findWithText("main article.card", "Draft ");
        assertThat(drafts("@local/notetaker")).singleElement().satisfies(d -> {
            assertThat(card.getText()).contains(d.id(), "2 expert(s)");
            assertThat(d.experts()).extracting(e -> e.key()).containsExactly("main", "helper");
        });
        browser.script("document.querySelectorAll('main details').forEach(d => d.open = true)");
        assertThat(card.getText()).contains("Write down what you are told.", "helper");
        browser.findWithText("main .meta", "Takes notes for the team");
    }

    @Test
    void theFormStartsFromAWorkingDefinition() {
        openSignedIn("/experts/new?scope=" + java.net.URLEncoder.encode("@local/templated", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.find(FORM + "input[name=scope]").getAttribute("value")).isEqualTo("@local/templated");
        browser.click(FORM + "button", "Create draft");
        browser.findWithText("main h1", "@local/templated");
        assertThat(drafts("@local/templated")).singleElement()
                .satisfies(d -> assertThat(d.experts().get(0).skills()).containsKey("@perstack/base"));
    }

    @Test
    void aBadDraftsErrorNamesTheField() {
        fillForm("@local/broken", "[{\"key\": \"main\", \"name\": \"broken\"}]");
        browser.click(FORM + "button", "Create draft");
        String error = browser.findWithText("[data-testid=draft-status] .notice-error", "experts[0].instruction").getText();
        assertThat(error).startsWith("Create draft: ");
        assertThat(browser.driver.getCurrentUrl()).contains("#/experts/new");

        WebElement definition = browser.find(FORM + "textarea[name=experts]");
        definition.clear();
        definition.sendKeys("[{\"key\": \"main\",");
        browser.click(FORM + "button", "Create draft");
        browser.findWithText("[data-testid=draft-status] .notice-error", "experts: not valid JSON");

        WebElement scope = browser.find(FORM + "input[name=scope]");
        scope.clear();
        scope.sendKeys("@someone-else/broken");
        definition.clear();
        definition.sendKeys("[{\"key\": \"main\", \"name\": \"broken\", \"instruction\": \"Fine.\"}]");
        browser.click(FORM + "button", "Create draft");
        browser.findWithText("[data-testid=draft-status] .notice-error", "org: must be your organization's namespace @local");
        assertThat(client().experts().list().orElseThrow().data().experts()).noneMatch(s -> s.scopeName().endsWith("/broken"));
    }
}
