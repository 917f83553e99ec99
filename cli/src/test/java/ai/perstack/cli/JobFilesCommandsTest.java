package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.jobs.StartJobInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perstack jobs files} and {@code jobs download} against a real local platform. */
class JobFilesCommandsTest {
    private static final String SCOPE = "@local/cli-files";
    private static Platform platform;
    private static Cli cli;
    private static String jobId;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start();
        cli = platform.cli();
        String app = platform.client.applications().create(CreateApplicationInput.builder().name("files").build())
                .orElseThrow().data().application().id();
        String draft = platform.client.experts().drafts().create(SCOPE, CreateDraftInput.builder().applicationId(app)
                .addExpert(DemoCommand.greeter()).build()).orElseThrow().data().draft().id();
        platform.client.experts().drafts().assignVersion(SCOPE, draft, AssignVersionInput.of("1.0.0")).orElseThrow();
        jobId = platform.client.jobs().start(StartJobInput.builder().applicationId(app).expertKey(SCOPE)
                .query("hello").provider("mock").build()).orElseThrow().data().job().id();
        platform.client.jobs().workspace().upload(jobId, "docs/report.md", "# Report\n".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void filesListsTheWorkspace() {
        Cli.Result table = cli.run("jobs", "files", jobId);
        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out()).contains("PATH", "docs/report.md", "9");
        Cli.Result ids = cli.run("jobs", "files", jobId, "-o", "id");
        assertThat(ids.out().strip()).isEqualTo("docs/report.md");
    }

    @Test
    void downloadWritesTheFileOrStandardOutput(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.md");
        Cli.Result r = cli.run("jobs", "download", jobId, "docs/report.md", "-f", target.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readString(target)).isEqualTo("# Report\n");
        Cli.Result stdout = cli.run("jobs", "download", jobId, "docs/report.md");
        assertThat(stdout.out()).isEqualTo("# Report\n");
    }

    @Test
    void aMissingFileOrABadPathFailsWithTheReason(@TempDir Path dir) {
        Path target = dir.resolve("none.txt");
        Cli.Result missing = cli.run("jobs", "download", jobId, "nope.txt", "-f", target.toString());
        assertThat(missing.code()).isNotZero();
        assertThat(missing.err()).contains("nope.txt");
        assertThat(target).doesNotExist();
        Cli.Result escape = cli.run("jobs", "download", jobId, "../x");
        assertThat(escape.code()).isNotZero();
        assertThat(escape.err()).contains("path");
    }
}
