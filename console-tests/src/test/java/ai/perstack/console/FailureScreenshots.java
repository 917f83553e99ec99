package ai.perstack.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed test: a screenshot, the page's text and the browser console under target/failures, to see why. */
final class FailureScreenshots implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser browser = ConsoleTestBase.browser;
        if (browser == null) {
            return;
        }
        try {
            Path dir = Path.of("target", "failures");
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName().replaceAll("[^A-Za-z0-9]", "");
            Files.write(dir.resolve(name + ".png"), browser.screenshot());
            Files.writeString(dir.resolve(name + ".txt"), browser.driver.getCurrentUrl() + "\n\n"
                    + Optional.ofNullable(browser.driver.getPageSource()).orElse("") + "\n\n"
                    + String.join("\n", browser.consoleMessages()));
        } catch (IOException | RuntimeException e) {
            // Best effort: the test's own failure is what matters.
        }
    }
}
