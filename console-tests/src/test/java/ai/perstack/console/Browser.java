package ai.perstack.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both by their fixed paths, so
 * Selenium Manager never looks for (or downloads) a browser or a driver. Tests skip when
 * either is not installed.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Waits end as soon as their condition holds; the bound only stops a broken test. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    /** Where this browser saves downloads, without asking; deleted when it closes. */
    final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Skips the calling test (JUnit assumption) when Chromium or its driver is missing. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(),
                "skipped: the console's browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    static Browser start() {
        assumeInstalled();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Path downloads;
        try {
            downloads = Files.createTempDirectory("console-downloads-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // Headless Chromium saves downloads only when told where (the profile preference alone is not enough in every version).
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new Browser(driver, downloads);
    }

    void open(String url) {
        driver.get(url);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebElement find(String css) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching {@code css} shows {@code text}, then returns it. */
    WebElement findWithText(String css, String text) {
        return waitFor(d -> d.findElements(By.cssSelector(css)).stream().filter(e -> e.getText().contains(text))
                .findFirst().orElse(null));
    }

    /** The text of the first element matching {@code css}, once it is there (redrawn elements are looked up again). */
    String text(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits for the condition; elements redrawn meanwhile (stale) are looked up again. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks the button (or link) of {@code css} that shows {@code text}. */
    void click(String css, String text) {
        waitFor(d -> {
            findWithText(css, text).click();
            return true;
        });
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> scriptMap(String js, Object... args) {
        return (Map<String, Object>) script(js, args);
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** The browser console's messages so far (errors, CSP violations, ...). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    void theme(String theme) {
        script("localStorage.setItem('perstack.theme', arguments[0]); document.documentElement.dataset.theme = arguments[0];", theme);
    }

    /** Waits until the browser has saved {@code name} completely, then returns its bytes. */
    byte[] downloaded(String name) {
        Path file = downloads.resolve(name);
        return waitFor(d -> {
            try (var partial = Files.list(downloads)) {
                if (!Files.isRegularFile(file) || partial.anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                    return null;
                }
                return Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    /** Chooses local files in a file input, as a user picking them in the dialog. */
    void choose(String inputCss, Path... files) {
        WebElement input = find(inputCss);
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(p -> p.toAbsolutePath().toString()).toList()));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(downloads)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory: left for the system to clean
        }
    }
}
