package ai.perstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workspace files extension against the real server: upload, list and download, org
 * scoping, confinement and limits, and a job that reads an uploaded file and writes another.
 */
class WorkspaceFilesApiTest extends ApiTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static JobsFixture baseFixture(Api api) {
        String app = createApplication(api, "ws-" + UUID.randomUUID().toString().substring(0, 8));
        String scope = "@" + api.org() + "/files";
        List<Object> experts = List.of(Map.of("key", "main", "name", "main", "instruction", "Work with files.",
                "skills", Map.of("@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx",
                        "packageName", "@perstack/base"))));
        Res draft = expect(api.post("/api/v1/experts/" + scope + "/drafts", Map.of("applicationId", app,
                "experts", experts)), 201);
        expect(api.post("/api/v1/experts/" + scope + "/drafts/" + draft.data("draft").get("id").asText() + "/version",
                Map.of("version", "1.0.0")), 201);
        return new JobsFixture(api, app, scope);
    }

    private static String files(String jobId) {
        return "/api/v1/jobs/" + jobId + "/workspace/files";
    }

    private static String file(String jobId, String path) {
        return "/api/v1/jobs/" + jobId + "/workspace/file?path="
                + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    @Test
    void aJobReadsAnUploadedFileAndItsOwnFileIsListedAndDownloaded() {
        Api api = newOrg();
        JobsFixture f = baseFixture(api);
        String id = f.startId("/tool @perstack/base getFileInfo {\"path\":\"nothing-here\"}\nsettle");
        f.await(id, "completed");
        Res up = expect(api.post(files(id), Map.of("path", "in/notes.txt", "content", b64("uploaded text"))), 201);
        assertThat(up.data("file").get("path").asText()).isEqualTo("in/notes.txt");
        assertThat(up.data("file").get("size").asLong()).isEqualTo(13);

        expect(api.post("/api/v1/jobs/" + id + "/continue", Map.of("query", String.join("\n",
                "/tool @perstack/base readTextFile {\"path\":\"in/notes.txt\"}",
                "/tool @perstack/base writeTextFile {\"path\":\"out/answer.txt\",\"text\":\"answered\"}",
                "Answer"))), 200);
        f.await(id, "completed");
        List<JsonNode> activities = f.checkpoints(id).stream().map(c -> c.get("activity")).toList();
        JsonNode read = activities.stream().filter(a -> a.get("type").asText().equals("readTextFile")).findFirst()
                .orElseThrow();
        assertThat(read.get("content").asText()).isEqualTo("uploaded text");

        Res list = expect(api.get(files(id)), 200);
        assertThat(list.data("files")).extracting(n -> n.get("path").asText())
                .containsExactly("in/notes.txt", "out/answer.txt");
        assertThat(list.data("files").get(1).get("size").asLong()).isEqualTo(8);
        assertThat(list.data("files").get(1).get("modified").asText()).isNotBlank();
        assertThat(list.text()).doesNotContain("perstack/");

        Res down = expect(api.get(file(id, "out/answer.txt")), 200);
        assertThat(down.text()).isEqualTo("answered");
        assertThat(down.header("Content-Type")).startsWith("application/octet-stream");
        assertThat(down.header("Content-Disposition")).isEqualTo("attachment; filename=\"answer.txt\"; filename*=UTF-8''answer.txt");
    }

    @Test
    void anotherOrganizationsJobIsNotFoundAndBadPathsAndSizesAreRefused() {
        Api api = newOrg();
        JobsFixture f = new JobsFixture(api);
        String id = f.startId("hello");
        f.await(id, "completed");

        Api other = newOrg();
        expect(other.get(files(id)), 404);
        expect(other.post(files(id), Map.of("path", "a.txt", "content", b64("x"))), 404);
        expect(other.get(file(id, "a.txt")), 404);

        for (String bad : List.of("../escape.txt", "/etc/passwd", "~/x", "perstack/state", "a//b", "a\\b")) {
            Res res = expectInvalid(api.post(files(id), Map.of("path", bad, "content", b64("x"))), "path");
            assertThat(res.reason().get("path").asText()).as(bad).isNotBlank();
            expectInvalid(api.get(file(id, bad)), "path");
        }
        expectInvalid(api.post(files(id), Map.of("path", "a.txt", "content", "not base64!")), "content");
        expectInvalid(api.post(files(id), Map.of("path", "a.txt")), "content");
        expectInvalid(api.get("/api/v1/jobs/" + id + "/workspace/file"), "path");
        expect(api.get(file(id, "missing.txt")), 404);

        // over the 1 MiB request cap: refused whole, nothing written
        String big = Base64.getEncoder().encodeToString(new byte[800 * 1024]);
        Res tooLarge = expect(api.post(files(id), Map.of("path", "big.bin", "content", big)), 413);
        assertThat(tooLarge.text()).contains("1 MiB");
        assertThat(expect(api.get(files(id)), 200).data("files")).isEmpty();
    }
}
