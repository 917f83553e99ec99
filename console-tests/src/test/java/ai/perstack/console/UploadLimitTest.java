package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import ai.perstack.server.workspaces.FileLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A file over the platform's file limit: the 413 naming the limit is shown beside the start form. */
class UploadLimitTest extends ConsoleTestBase {
    /** A platform of its own whose file limit is 1 KiB, so a refused upload needs no large file. */
    static LocalPlatform small;
    static Path dataDir;

    @BeforeAll
    static void startSmallPlatform() throws Exception {
        if (!Browser.installed()) {
            return; // each test reports itself skipped
        }
        dataDir = Files.createTempDirectory("console-limits-");
        small = LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir)
                .fileLimits(new FileLimits(1024, 1L << 20, 1L << 20, 10, 10, Duration.ofHours(1))).build());
        try (PerstackClient c = PerstackClient.builder().apiKey(small.bootstrapApiKey()).baseUrl(small.baseUrl()).build()) {
            c.applications().create(CreateApplicationInput.builder().name("limited").build()).orElseThrow();
        }
    }

    @AfterAll
    static void stopSmallPlatform() throws Exception {
        if (small != null) {
            small.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimitNamed() throws Exception {
        browser.open(small.consoleUrl(small.bootstrapApiKey()) + "&jobs/new");
        browser.find("form[aria-label='Start a job'] input[name=expertKey]").sendKeys("@local/anything");
        browser.find("form[aria-label='Start a job'] textarea[name=query]").sendKeys("Read the big file");
        browser.choose("form[aria-label='Start a job'] input[type=file]", localFile("big.bin", "x".repeat(2048)));
        browser.click("form[aria-label='Start a job'] button", "Start");
        String error = browser.findWithText("form[aria-label='Start a job'] .form-status .notice-error", "limited").getText();
        assertThat(error).isEqualTo("Start: big.bin: a file is limited to 1024 bytes (maxFileBytes)");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/jobs/new");
    }
}
