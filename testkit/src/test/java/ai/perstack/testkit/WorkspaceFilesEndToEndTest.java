package ai.perstack.testkit;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.jobs.WorkspaceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
}
