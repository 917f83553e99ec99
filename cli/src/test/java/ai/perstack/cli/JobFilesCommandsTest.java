package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
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
    private static String app;
    private static final String BASE_SCOPE = "@local/cli-uploads";

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.start();
        cli = platform.cli();
        app = platform.client.applications().create(CreateApplicationInput.builder().name("files").build())
                .orElseThrow().data().application().id();
        String draft = platform.client.experts().drafts().create(SCOPE, CreateDraftInput.builder().applicationId(app)
                .addExpert(DemoCommand.greeter()).build()).orElseThrow().data().draft().id();
        platform.client.experts().drafts().assignVersion(SCOPE, draft, AssignVersionInput.of("1.0.0")).orElseThrow();
        String baseDraft = platform.client.experts().drafts().create(BASE_SCOPE, CreateDraftInput.builder()
                .applicationId(app).addExpert(Expert.builder().key("main").name("reader").instruction("Read files.")
                        .skill("@perstack/base", Skill.base()).build()).build()).orElseThrow().data().draft().id();
        platform.client.experts().drafts().assignVersion(BASE_SCOPE, baseDraft, AssignVersionInput.of("1.0.0"))
                .orElseThrow();
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

    @Test
    void startWithUploadHandsTheFileOverBeforeTheFirstStep(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "meeting at noon");
        Cli.Result r = cli.run("jobs", "start", "--app", app, "--expert", BASE_SCOPE, "--provider", "mock",
                "--upload", notes.toString(), "-q", "/tool @perstack/base readTextFile {\"path\":\"notes.txt\"}\nDone",
                "--follow");
        assertThat(r.code()).as(r.toString()).isZero();
        String id = platform.client.jobs().list().orElseThrow().data().jobs().stream()
                .filter(j -> j.expertKey().equals(BASE_SCOPE)).findFirst().orElseThrow().id();
        assertThat(platform.client.jobs().get(id).orElseThrow().data().job().files()).containsExactly("notes.txt");
        Activity.ReadTextFile read = platform.client.jobs().checkpoints().list(id).orElseThrow().data().checkpoints()
                .stream().map(Checkpoint::activity).filter(Activity.ReadTextFile.class::isInstance)
                .map(Activity.ReadTextFile.class::cast).findFirst().orElseThrow();
        assertThat(read.content()).contains("meeting at noon");

        // continue with LOCAL=REMOTE, then take it out again with jobs download
        Path csv = Files.writeString(dir.resolve("q3.csv"), "a,b\n1,2\n");
        Cli.Result more = cli.run("jobs", "continue", id, "--upload", csv + "=inputs/q3.csv", "-q",
                "/tool @perstack/base readTextFile {\"path\":\"inputs/q3.csv\"}\nDone", "--follow");
        assertThat(more.code()).as(more.toString()).isZero();
        Path back = dir.resolve("back.csv");
        assertThat(cli.run("jobs", "download", id, "inputs/q3.csv", "-f", back.toString()).code()).isZero();
        assertThat(Files.readString(back)).isEqualTo("a,b\n1,2\n");
    }

    @Test
    void aMissingLocalFileIsAUsageErrorAndAFailedStartLeavesNothingStaged(@TempDir Path dir) throws Exception {
        Cli.Result missing = cli.run("jobs", "start", "--app", app, "--expert", BASE_SCOPE, "--provider", "mock",
                "--upload", dir.resolve("nope.txt").toString(), "-q", "x");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.txt");
        Path notes = Files.writeString(dir.resolve("n.txt"), "x");
        Cli.Result bad = cli.run("jobs", "start", "--app", app, "--expert", BASE_SCOPE, "--provider", "mock",
                "--upload", notes + "=../escape.txt", "-q", "x");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.err()).contains("uploads[0].path");
        Path staging = platform.platform.config().workspacesDir().resolve(".uploads");
        try (var files = Files.walk(staging)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
