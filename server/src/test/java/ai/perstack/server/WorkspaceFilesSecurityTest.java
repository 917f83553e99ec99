package ai.perstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The workspace files API as someone holding two organizations' keys would probe it: every
 * route confined (traversal, absolute, {@code ~}, NUL, over-long names, the reserved directory,
 * symlinks a job made pointing outside), download headers that no browser renders or a
 * crafted name can break, and concurrent uploads of one path.
 */
class WorkspaceFilesSecurityTest extends ApiTest {

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String filesOf(String jobId) {
        return "/api/v1/jobs/" + jobId + "/workspace/files";
    }

    static String fileOf(String jobId, String path) {
        return "/api/v1/jobs/" + jobId + "/workspace/file?path=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private String finishedJob(Api api) {
        JobsFixture f = new JobsFixture(api);
        String id = f.startId("hello");
        f.await(id, "completed");
        return id;
    }

    private Path workspaceDir(String jobId) {
        return platform().config().workspacesDir().resolve(jobId);
    }

    @Test
    void everyRouteRefusesNamesThatLeaveTheWorkspaceOrBreakTheRules() {
        Api api = newOrg();
        String id = finishedJob(api);
        List<String> bad = List.of("..", "../x", "a/../../x", "/etc/passwd", "~", "~/x", "~root/x", "a\u0000b",
                "perstack", "PerStack/state.json", "perstack/x", "a//b", "./a", "a/", "a\\..\\b", "a\nb", " ",
                "x".repeat(10_241));
        for (String name : bad) {
            Res up = expectInvalid(api.post(filesOf(id), Map.of("path", name, "content", b64(new byte[] {1}))), "path");
            assertThat(up.reason().get("path").asText()).as(name).isNotBlank();
            if (name.length() < 4096) { // a longer query is refused by the server's URI limit (414) before
                expectInvalid(api.get(fileOf(id, name)), "path");
            }
        }
        assertThat(expect(api.get(filesOf(id)), 200).data("files")).isEmpty();
    }

    @Test
    void aNameTheFileSystemCannotHoldIsA400NamingThePathNotA500() {
        Api api = newOrg();
        String id = finishedJob(api);
        String longSegment = "s".repeat(300);
        Res res = expectInvalid(api.post(filesOf(id), Map.of("path", "dir/" + longSegment, "content",
                b64(new byte[] {1}))), "path");
        assertThat(res.reason().get("path").asText()).contains("255");
        String deep = String.join("/", java.util.Collections.nCopies(40, "d".repeat(200)));
        Res tooDeep = expectInvalid(api.post(filesOf(id), Map.of("path", deep, "content", b64(new byte[] {1}))), "path");
        assertThat(tooDeep.reason().get("path").asText()).contains("4096");
        expectInvalid(api.get(fileOf(id, "dir/" + longSegment)), "path");
    }

    @Test
    void symlinksAJobMadeAreNeverFollowedOutOfTheWorkspace() throws Exception {
        Api api = newOrg();
        String id = finishedJob(api);
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.txt"), "host secret");
        Path ws = workspaceDir(id).toAbsolutePath();
        Files.createDirectories(ws);
        Files.createSymbolicLink(ws.resolve("file-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(ws.resolve("dir-link"), outside);
        Files.writeString(ws.resolve("inside.txt"), "inside");
        Files.createSymbolicLink(ws.resolve("inner-link"), Path.of("inside.txt"));
        Files.createDirectories(ws.resolve("real"));
        Files.writeString(ws.resolve("real/f.txt"), "through a link");
        Files.createSymbolicLink(ws.resolve("inner-dir-link"), Path.of("real"));

        // never through a link, even one pointing inside: the link could be turned outside between check and open
        for (String name : List.of("file-link", "dir-link/secret.txt", "inner-link", "dir-link", "inner-dir-link/f.txt")) {
            Res res = api.get(fileOf(id, name));
            assertThat(res.status()).as(name).isIn(400, 404);
            assertThat(res.text()).as(name).doesNotContain("host secret").doesNotContain("through a link");
        }
        Res write = api.post(filesOf(id), Map.of("path", "dir-link/planted.txt", "content", b64(new byte[] {1})));
        assertThat(write.status()).isEqualTo(400);
        Res overLink = api.post(filesOf(id), Map.of("path", "file-link", "content", b64("x".getBytes())));
        assertThat(overLink.status()).isEqualTo(400);
        // nor is an upload written through a directory link, even one pointing inside
        Res throughInner = api.post(filesOf(id), Map.of("path", "inner-dir-link/new.txt", "content", b64(new byte[] {1})));
        assertThat(throughInner.status()).isEqualTo(400);
        assertThat(ws.resolve("real/new.txt")).doesNotExist();
        assertThat(outside.resolve("planted.txt")).doesNotExist();
        assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("host secret");
        assertThat(expect(api.get(filesOf(id)), 200).data("files")).extracting(n -> n.get("path").asText())
                .containsExactly("inside.txt", "real/f.txt");
    }

    @Test
    void downloadsAreAttachmentsThatNoBrowserRendersWhateverTheName() {
        Api api = newOrg();
        String id = finishedJob(api);
        String html = "<html><script>alert(1)</script></html>";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("page.html", "attachment; filename=\"page.html\"; filename*=UTF-8''page.html");
        expected.put("q\"uote;x=y.txt", "attachment; filename=\"q_uote_x=y.txt\"; filename*=UTF-8''q%22uote%3Bx%3Dy.txt");
        expected.put("r\u00e9sum\u00e9 *1.txt",
                "attachment; filename=\"r_sum_ *1.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%2A1.txt");
        expected.put("dir/\u65e5\u672c.txt", "attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt");
        for (var e : expected.entrySet()) {
            expect(api.post(filesOf(id), Map.of("path", e.getKey(), "content", b64(html.getBytes()))), 201);
            Res down = expect(api.get(fileOf(id, e.getKey())), 200);
            assertThat(down.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(down.header("Content-Disposition")).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(down.text()).isEqualTo(html);
        }
        // CR/LF cannot even be named (control characters), so no header can be split
        expectInvalid(api.post(filesOf(id), Map.of("path", "a\r\nSet-Cookie: x=y", "content", b64(new byte[] {1}))),
                "path");
    }

    @Test
    void concurrentUploadsOfOnePathLeaveOneWholeUploadNeverAMix() throws Exception {
        Api api = newOrg();
        String id = finishedJob(api);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Res>> all = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    byte[] content = new byte[256 * 1024];
                    java.util.Arrays.fill(content, (byte) ('a' + w));
                    all.add(pool.submit(() -> api.post(filesOf(id), Map.of("path", "same.bin", "content", b64(content)))));
                }
                for (Future<Res> f : all) {
                    expect(f.get(), 201);
                }
                byte[] stored = Files.readAllBytes(workspaceDir(id).resolve("same.bin"));
                assertThat(stored).hasSize(256 * 1024);
                byte first = stored[0];
                for (byte b : stored) {
                    if (b != first) {
                        throw new AssertionError("a mix of two uploads in round " + round);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expect(api.get(filesOf(id)), 200).data("files")).hasSize(1);
    }

    @Test
    void downloadsCloseTheFilesTheyOpen() throws Exception {
        Api api = newOrg();
        String id = finishedJob(api);
        expect(api.post(filesOf(id), Map.of("path", "fd.txt", "content", b64("x".repeat(1000).getBytes()))), 201);
        for (int i = 0; i < 50; i++) {
            expect(api.get(fileOf(id, "fd.txt")), 200);
        }
        Path file = workspaceDir(id).resolve("fd.txt").toRealPath();
        long deadline = System.currentTimeMillis() + 5_000;
        long open;
        do { // the response completes on Jetty's thread just after the client has the bytes
            open = openDescriptorsOf(file);
        } while (open > 0 && System.currentTimeMillis() < deadline && sleepBriefly());
        assertThat(open).isZero();
    }

    private static boolean sleepBriefly() {
        JobsFixture.sleep(50);
        return true;
    }

    private static long openDescriptorsOf(Path file) throws java.io.IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(file);
                } catch (java.io.IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        }
    }
}
