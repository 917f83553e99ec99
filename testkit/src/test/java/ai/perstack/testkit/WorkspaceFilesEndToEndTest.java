package ai.perstack.testkit;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StagedUpload;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.jobs.WorkspaceFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace calls of the client against the real local platform, with a job that uses the files. */
@PerstackLocal
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceFilesEndToEndTest {
    private String applicationId;

    @BeforeAll
    void publishAnExpert(LocalPerstack local) {
        applicationId = local.createApplication("workspace e2e").id();
        local.publishExpert("@local/filer", "1.0.0", "filer.json", applicationId);
    }

    private static List<Checkpoint> finish(PerstackClient client, String jobId) {
        List<Checkpoint> out = new ArrayList<>();
        try (CheckpointStream stream = client.jobs().checkpoints().stream(jobId)) {
            for (ApiResult<Checkpoint> r : stream) {
                out.add(r.orElseThrow());
            }
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
        }
        return out;
    }

    @Test
    void anUploadedFileIsReadByTheJobAndWhatItWroteIsListedAndDownloaded(PerstackClient client) {
        Job job = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/filer")
                .query("Get ready").provider("mock").build()).orElseThrow().data().job();
        finish(client, job.id());

        WorkspaceFile stored = client.jobs().workspace().upload(job.id(), "in/notes.txt",
                "uploaded text".getBytes(StandardCharsets.UTF_8)).orElseThrow().file();
        assertThat(stored.path()).isEqualTo("in/notes.txt");
        assertThat(stored.size()).isEqualTo(13);

        client.jobs().continueJob(job.id(), ContinueJobInput.builder().query(String.join("\n",
                "/tool @perstack/base readTextFile {\"path\":\"in/notes.txt\"}",
                "/tool @perstack/base writeTextFile {\"path\":\"out/answer.txt\",\"text\":\"answered\"}",
                "Answer")).build()).orElseThrow();
        List<Checkpoint> steps = finish(client, job.id());
        assertThat(steps).extracting(c -> c.activity().getClass().getSimpleName()).contains("ReadTextFile", "WriteTextFile");

        List<WorkspaceFile> files = client.async().jobs().workspace().list(job.id()).join().orElseThrow().files();
        assertThat(files).extracting(WorkspaceFile::path).containsExactly("in/notes.txt", "out/answer.txt");
        assertThat(new String(client.jobs().workspace().download(job.id(), "out/answer.txt").orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo("answered");
    }

    @Test
    void badPathsAndMissingFilesAreErrorsNotExceptions(PerstackClient client) {
        Job job = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/filer")
                .query("Nothing").provider("mock").build()).orElseThrow().data().job();
        finish(client, job.id());
        ApiResult<?> escape = client.jobs().workspace().upload(job.id(), "../x.txt", new byte[] {1});
        assertThat(escape.ok()).isFalse();
        assertThat(escape.error().code()).isEqualTo(400);
        assertThat(String.valueOf(escape.error().reason())).contains("path");
        assertThat(client.jobs().workspace().download(job.id(), "missing.txt").error().code()).isEqualTo(404);
        ApiResult<?> big = client.jobs().workspace().upload(job.id(), "big.bin", new byte[1 << 20]);
        assertThat(big.ok()).isFalse();
        assertThat(String.valueOf(big.error().reason())).contains("content");
        assertThat(client.jobs().workspace().list(job.id()).orElseThrow().files()).isEmpty();
    }

    @Test
    void aJobStartedWithAStagedFileReadsItInItsFirstStep(PerstackClient client) {
        StagedUpload staged = client.jobs().workspace().stage("staged notes".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(staged.size()).isEqualTo(12);
        assertThat(client.jobs().workspace().getUpload(staged.id()).orElseThrow().id()).isEqualTo(staged.id());
        Job job = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/filer")
                .query("/tool @perstack/base readTextFile {\"path\":\"notes.txt\"}\nDone").provider("mock")
                .addUpload("notes.txt", staged.id()).build()).orElseThrow().data().job();
        assertThat(job.files()).containsExactly("notes.txt");
        List<Checkpoint> steps = finish(client, job.id());
        Activity.ReadTextFile read = steps.stream().map(Checkpoint::activity)
                .filter(Activity.ReadTextFile.class::isInstance).map(Activity.ReadTextFile.class::cast)
                .findFirst().orElseThrow();
        assertThat(read.content()).contains("staged notes");
        assertThat(client.jobs().workspace().getUpload(staged.id()).error().code()).isEqualTo(404);
        // handed over once: a second start naming it is a 400 naming the entry
        ApiResult<?> again = client.jobs().start(StartJobInput.builder().applicationId(applicationId)
                .expertKey("@local/filer").query("again").provider("mock").addUpload("x.txt", staged.id()).build());
        assertThat(again.error().code()).isEqualTo(400);
        assertThat(String.valueOf(again.error().reason())).contains("uploads[0].uploadId");
    }

    @Test
    void aFileReadBesideAQuestionIsHeldAsAPartialResultUntilTheAnswer(PerstackClient client) {
        StagedUpload staged = client.jobs().workspace().stage("release notes".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        Job job = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/filer")
                .query("/tool @perstack/base readTextFile {\"path\":\"notes.txt\"}\n"
                        + "/with ask askUser {\"question\":\"Publish them?\"}\nPublish the notes")
                .provider("mock").addUpload("notes.txt", staged.id()).build()).orElseThrow().data().job();
        List<Checkpoint> steps = new ArrayList<>();
        try (CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            for (ApiResult<Checkpoint> r : stream) {
                steps.add(r.orElseThrow());
            }
            assertThat(stream.doneStatus()).contains(JobStatus.STOPPED_BY_INTERACTIVE_TOOL);
        }
        Checkpoint read = steps.stream().filter(c -> !c.partialToolResults().isEmpty()).findFirst().orElseThrow();
        assertThat(read.partialToolResults()).singleElement().satisfies(t -> {
            assertThat(t.skillName()).isEqualTo("@perstack/base");
            assertThat(t.toolName()).isEqualTo("readTextFile");
            assertThat(t.result().toString()).contains("release notes");
        });
        assertThat(read.pendingToolCalls()).singleElement()
                .satisfies(c -> assertThat(c.toolName()).isEqualTo("askUser"));
        Checkpoint stop = steps.get(steps.size() - 1);
        assertThat(stop.pendingToolCalls()).extracting(c -> c.id()).containsExactly(read.pendingToolCalls().get(0).id());
        client.jobs().continueJob(job.id(), ContinueJobInput.answer("yes")).orElseThrow();
        finish(client, job.id());
    }

    @Test
    void aTenMebibyteFileGoesUpAndComesBackByteForByte(PerstackClient client, @TempDir Path dir) throws Exception {
        byte[] content = new byte[10 << 20];
        new Random(13).nextBytes(content);
        Path local = Files.write(dir.resolve("big.bin"), content);
        StagedUpload staged = client.async().jobs().workspace().stage(local, null).join().orElseThrow();
        assertThat(staged.size()).isEqualTo(content.length);
        Job job = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/filer")
                .query("Nothing").provider("mock").addUpload("data/big.bin", staged.id()).build())
                .orElseThrow().data().job();
        finish(client, job.id());
        Path back = client.jobs().workspace().download(job.id(), "data/big.bin", dir.resolve("back.bin")).orElseThrow();
        assertThat(Files.readAllBytes(back)).isEqualTo(content);

        // straight into the workspace, from a file and from a stream
        assertThat(client.jobs().workspace().upload(job.id(), "data/copy.bin", local).orElseThrow().file().size())
                .isEqualTo(content.length);
        try (InputStream in = Files.newInputStream(local)) {
            assertThat(client.jobs().workspace().upload(job.id(), "data/stream.bin", in, null).orElseThrow()
                    .file().size()).isEqualTo(content.length);
        }
        Path copy = client.async().jobs().workspace().download(job.id(), "data/stream.bin", dir.resolve("s.bin"), null)
                .join().orElseThrow();
        assertThat(Files.readAllBytes(copy)).isEqualTo(content);
        // a failed download leaves no file and no part behind
        assertThat(client.jobs().workspace().download(job.id(), "missing.bin", dir.resolve("none.bin")).error().code())
                .isEqualTo(404);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("big.bin", "back.bin", "s.bin");
        }
    }
}
