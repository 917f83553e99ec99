package ai.perstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Input files handed to a job race-free: staged with {@code POST /workspace/uploads}, named in
 * {@code uploads} on start or continue and moved into the job's workspace before it is queued,
 * all or none; and raw (octet-stream) uploads beyond the JSON body cap.
 */
class StagedUploadsApiTest extends ApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** POSTs raw bytes as application/octet-stream (or {@code type}). */
    static Res postRaw(Api api, String path, byte[] body, String type) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + api.key());
        if (type != null) {
            b.header("Content-Type", type);
        }
        return Api.exchange(b.build(), "POST", path);
    }

    static String stage(Api api, byte[] content) {
        Res res = expect(postRaw(api, "/api/v1/workspace/uploads", content, "application/octet-stream"), 201);
        assertThat(res.data("upload").get("size").asLong()).isEqualTo(content.length);
        assertThat(res.data("upload").get("expiresAt").asText()).isNotBlank();
        return res.data("upload").get("id").asText();
    }

    static byte[] download(Api api, String jobId, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + WorkspaceFilesSecurityTest.fileOf(jobId,
                path))).header("Authorization", "Bearer " + api.key()).GET().build();
        HttpResponse<byte[]> res = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(res.statusCode()).isEqualTo(200);
        return res.body();
    }

    private int jobCount(Api api) {
        return expect(api.get("/api/v1/jobs?take=100"), 200).data("jobs").size();
    }

    @Test
    void aStartedJobsFirstStepReadsTheFileItWasStartedWith() {
        Api api = newOrg();
        JobsFixture f = WorkspaceFilesApiTest.baseFixture(api);
        String upload = stage(api, "the notes".getBytes(StandardCharsets.UTF_8));
        String id = f.startId("/tool @perstack/base readTextFile {\"path\":\"in/notes.txt\"}\nDone",
                "files", List.of("extra.md"), "uploads", List.of(Map.of("path", "in/notes.txt", "uploadId", upload)));
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("files")).extracting(JsonNode::asText).containsExactly("extra.md", "in/notes.txt");
        JsonNode read = f.checkpoints(id).stream().map(c -> c.get("activity"))
                .filter(a -> a.get("type").asText().equals("readTextFile")).findFirst().orElseThrow();
        assertThat(read.get("content").asText()).isEqualTo("the notes");
        // handed over: the upload is gone, and naming it again is a 400 that leaves no job
        expect(api.get("/api/v1/workspace/uploads/" + upload), 404);
        int jobs = jobCount(api);
        Res again = expectInvalid(f.start("again", "uploads", List.of(Map.of("path", "x.txt", "uploadId", upload))),
                "uploads[0].uploadId");
        assertThat(again.reason().get("uploads[0].uploadId").asText()).contains(upload);
        assertThat(jobCount(api)).isEqualTo(jobs);
    }

    @Test
    void aStartThatFailsLeavesNoJobNoWorkspaceAndItsUploadsStaged() throws Exception {
        Api api = newOrg();
        JobsFixture f = new JobsFixture(api);
        String good = stage(api, "kept".getBytes(StandardCharsets.UTF_8));
        Api other = newOrg();
        String foreign = stage(other, "theirs".getBytes(StandardCharsets.UTF_8));
        expect(api.get("/api/v1/workspace/uploads/" + foreign), 404);
        expect(api.delete("/api/v1/workspace/uploads/" + foreign), 404);
        Path workspaces = platform().config().workspacesDir();
        long dirsBefore;
        try (var s = Files.list(workspaces)) {
            dirsBefore = s.count();
        }
        Res res = expectInvalid(f.start("go", "uploads", List.of(Map.of("path", "a.txt", "uploadId", good),
                Map.of("path", "b.txt", "uploadId", foreign))), "uploads[1].uploadId");
        assertThat(res.text()).doesNotContain("theirs");
        assertThat(jobCount(api)).isZero();
        try (var s = Files.list(workspaces)) {
            assertThat(s.count()).isEqualTo(dirsBefore);
        }
        expect(api.get("/api/v1/workspace/uploads/" + good), 200);
        expect(other.get("/api/v1/workspace/uploads/" + foreign), 200);

        // shapes: each entry named by index and field
        Res bad = expect(f.start("go", "uploads", List.of(Map.of("path", "../x", "uploadId", good),
                Map.of("path", "a.txt", "uploadId", "nope"), Map.of("uploadId", good),
                Map.of("path", "a.txt", "uploadId", good))), 400);
        assertThat(bad.reason().fieldNames()).toIterable().containsExactlyInAnyOrder("uploads[0].path",
                "uploads[1].uploadId", "uploads[2].path", "uploads[3].path");
        expectInvalid(f.start("go", "uploads", List.of(Map.of("path", "a.txt", "uploadId", good, "extra", 1))),
                "uploads[0].extra");
        expectInvalid(f.start("go", "uploads", List.of(Map.of("path", 7, "uploadId", good))), "uploads[0].path");
        expect(api.get("/api/v1/workspace/uploads/" + good), 200);
        expectInvalid(f.start("go", "uploads", "notes.txt"), "uploads");
        // an upload no job took can be deleted
        expect(api.delete("/api/v1/workspace/uploads/" + good), 200);
        expect(api.get("/api/v1/workspace/uploads/" + good), 404);
    }

    @Test
    void continueHandsOverFilesTooReplacingOneOfTheSameName() throws Exception {
        Api api = newOrg();
        JobsFixture f = WorkspaceFilesApiTest.baseFixture(api);
        String id = f.startId("first", "uploads", List.of(Map.of("path", "n.txt", "uploadId",
                stage(api, "one".getBytes(StandardCharsets.UTF_8)))));
        f.await(id, "completed");
        String second = stage(api, "two".getBytes(StandardCharsets.UTF_8));
        expect(api.post("/api/v1/jobs/" + id + "/continue", Map.of("query",
                "/tool @perstack/base readTextFile {\"path\":\"n.txt\"}\nDone", "uploads",
                List.of(Map.of("path", "n.txt", "uploadId", second), Map.of("path", "m.txt", "uploadId",
                        stage(api, "three".getBytes(StandardCharsets.UTF_8)))))), 200);
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("files")).extracting(JsonNode::asText).containsExactly("n.txt", "m.txt");
        assertThat(f.checkpoints(id).stream().map(c -> c.get("activity"))
                .filter(a -> a.get("type").asText().equals("readTextFile")).findFirst().orElseThrow()
                .get("content").asText()).isEqualTo("two");
        assertThat(new String(download(api, id, "m.txt"), StandardCharsets.UTF_8)).isEqualTo("three");
        // a continue that fails puts the replaced file back
        String third = stage(api, "four".getBytes(StandardCharsets.UTF_8));
        expectInvalid(api.post("/api/v1/jobs/" + id + "/continue", Map.of("query", "x", "uploads",
                List.of(Map.of("path", "n.txt", "uploadId", third), Map.of("path", "z.txt", "uploadId",
                        "a00000000000000000000000")))), "uploads[1].uploadId");
        assertThat(new String(download(api, id, "n.txt"), StandardCharsets.UTF_8)).isEqualTo("two");
        expect(api.get("/api/v1/workspace/uploads/" + third), 200);
        assertThat(expect(api.get(WorkspaceFilesSecurityTest.filesOf(id)), 200).data("files"))
                .extracting(n -> n.get("path").asText()).containsExactly("m.txt", "n.txt");
    }

    @Test
    void rawUploadsGoBeyondTheJsonCapAndComeBackByteForByte() throws Exception {
        Api api = newOrg();
        JobsFixture f = new JobsFixture(api);
        String id = f.startId("hello");
        f.await(id, "completed");
        byte[] big = new byte[3 * 1024 * 1024 + 7];
        new Random(7).nextBytes(big);
        Res up = expect(postRaw(api, WorkspaceFilesSecurityTest.filesOf(id) + "?path=data/big.bin", big,
                "application/octet-stream"), 201);
        assertThat(up.data("file").get("size").asLong()).isEqualTo(big.length);
        assertThat(download(api, id, "data/big.bin")).isEqualTo(big);
        expectInvalid(postRaw(api, WorkspaceFilesSecurityTest.filesOf(id), big, "application/octet-stream"), "path");
        expectInvalid(postRaw(api, WorkspaceFilesSecurityTest.filesOf(id) + "?path=..%2Fx", big,
                "application/octet-stream"), "path");
        expect(postRaw(api, "/api/v1/workspace/uploads", big, "text/plain"), 415);
        expect(new Api(api.baseUrl(), "wrong-key", null).post("/api/v1/workspace/uploads", "{}"), 401);
        expect(postRaw(newOrg(), WorkspaceFilesSecurityTest.filesOf(id) + "?path=x.bin", big,
                "application/octet-stream"), 404);
    }
}
