package ai.perstack.server;

import static ai.perstack.server.ApiTest.expect;
import static ai.perstack.server.ApiTest.expectInvalid;
import static ai.perstack.server.StagedUploadsApiTest.postRaw;
import static ai.perstack.server.StagedUploadsApiTest.stage;
import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import ai.perstack.server.workspaces.FileLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nobody can fill the platform's disk through uploads: each limit of {@link FileLimits} holds
 * on every route, answers 413 naming it, and leaves nothing behind (H2; the limits are the
 * file system's, not the database's).
 */
class UploadLimitsTest {
    private static final String OCTET = "application/octet-stream";

    private static LocalPlatform start(FileLimits limits) {
        return LocalPlatform.start(Platforms.config(Backend.H2, Platforms.newDataDir(), 0).fileLimits(limits).build());
    }

    private static String finishedJob(JobsFixture f) {
        String id = f.startId("hello");
        f.await(id, "completed");
        return id;
    }

    private static long files(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aFileOverTheFileLimitIs413NamingItOnEveryUploadRoute() throws Exception {
        try (LocalPlatform platform = start(new FileLimits(1000, 1 << 20, 1 << 20, 10, 10, Duration.ofHours(1)))) {
            Api api = Platforms.newOrganization(platform);
            JobsFixture f = new JobsFixture(api);
            String id = finishedJob(f);
            byte[] over = new byte[1001];
            Res raw = expect(postRaw(api, WorkspaceFilesSecurityTest.filesOf(id) + "?path=a.bin", over, OCTET), 413);
            assertThat(raw.reason().asText()).contains("1000 bytes (maxFileBytes)");
            Res json = expect(api.post(WorkspaceFilesSecurityTest.filesOf(id), Map.of("path", "a.bin", "content",
                    Base64.getEncoder().encodeToString(over))), 413);
            assertThat(json.reason().asText()).contains("1000 bytes (maxFileBytes)");
            Res staged = expect(postRaw(api, "/api/v1/workspace/uploads", over, OCTET), 413);
            assertThat(staged.reason().asText()).contains("maxFileBytes");
            assertThat(files(platform.config().workspacesDir())).isZero();
            expect(postRaw(api, WorkspaceFilesSecurityTest.filesOf(id) + "?path=a.bin", new byte[1000], OCTET), 201);
        }
    }

    @Test
    void aJobsWorkspaceAndAnOrganizationsStagedUploadsAreCapped() throws Exception {
        try (LocalPlatform platform = start(new FileLimits(1000, 2500, 2500, 3, 10, Duration.ofHours(1)))) {
            Api api = Platforms.newOrganization(platform);
            JobsFixture f = new JobsFixture(api);
            String id = finishedJob(f);
            String files = WorkspaceFilesSecurityTest.filesOf(id);
            expect(postRaw(api, files + "?path=a.bin", new byte[1000], OCTET), 201);
            expect(postRaw(api, files + "?path=b.bin", new byte[1000], OCTET), 201);
            Res full = expect(postRaw(api, files + "?path=c.bin", new byte[1000], OCTET), 413);
            assertThat(full.reason().asText()).contains("2500 bytes (maxJobBytes)").contains("3000");
            // replacing a file counts only the difference
            expect(postRaw(api, files + "?path=b.bin", new byte[1000], OCTET), 201);
            assertThat(expect(api.get(files), 200).data("files")).hasSize(2);

            // staged: at most 2500 bytes and 3 uploads an organization
            String s1 = stage(api, new byte[1000]);
            stage(api, new byte[1000]);
            Res bytes = expect(postRaw(api, "/api/v1/workspace/uploads", new byte[1000], OCTET), 413);
            assertThat(bytes.reason().asText()).contains("2500 bytes (maxStagedBytes)");
            stage(api, new byte[10]);
            Res count = expect(postRaw(api, "/api/v1/workspace/uploads", new byte[10], OCTET), 413);
            assertThat(count.reason().asText()).contains("at most 3 staged uploads (maxStagedFiles)");
            // another organization has its own allowance
            stage(Platforms.newOrganization(platform), new byte[1000]);

            // handing uploads to a job whose workspace would go over the cap: 413, nothing moved, no job
            String other = finishedJob(f);
            expect(postRaw(api, WorkspaceFilesSecurityTest.filesOf(other) + "?path=big.bin", new byte[1000], OCTET), 201);
            expect(postRaw(api, WorkspaceFilesSecurityTest.filesOf(other) + "?path=big2.bin", new byte[1000], OCTET), 201);
            Res over = expect(api.post("/api/v1/jobs/" + other + "/continue", Map.of("query", "more", "uploads",
                    List.of(Map.of("path", "in.bin", "uploadId", s1)))), 413);
            assertThat(over.reason().asText()).contains("maxJobBytes");
            expect(api.get("/api/v1/workspace/uploads/" + s1), 200);
            assertThat(expect(api.get(WorkspaceFilesSecurityTest.filesOf(other)), 200).data("files")).hasSize(2);
            assertThat(f.job(other).get("files")).isEmpty();
        }
    }

    @Test
    void stagedUploadsNoJobTookExpireAndAreDeleted() throws Exception {
        try (LocalPlatform platform = start(new FileLimits(1000, 1 << 20, 1 << 20, 10, 10, Duration.ofMillis(300)))) {
            Api api = Platforms.newOrganization(platform);
            JobsFixture f = new JobsFixture(api);
            String upload = stage(api, "late".getBytes());
            Path staging = platform.config().workspacesDir().resolve(".uploads");
            assertThat(files(staging)).isEqualTo(1);
            JobsFixture.sleep(400);
            expect(api.get("/api/v1/workspace/uploads/" + upload), 404);
            expectInvalid(f.start("go", "uploads", List.of(Map.of("path", "a.txt", "uploadId", upload))),
                    "uploads[0].uploadId");
            assertThat(platform.expireStagedUploads()).isEqualTo(1);
            assertThat(files(staging)).isZero();
        }
    }

    @Test
    void rawUploadsHoldBodySlotsLikeEveryBody() throws Exception {
        // many staged uploads may go through before all 64 are admitted (on a busy machine): no count limit here
        FileLimits d = FileLimits.DEFAULT;
        try (LocalPlatform platform = start(new FileLimits(d.maxFileBytes(), d.maxJobBytes(), d.maxStagedBytes(),
                1_000_000, d.maxUploadsPerCall(), d.stagedFor()))) {
            Api api = Platforms.newOrganization(platform);
            List<java.net.Socket> held = new java.util.ArrayList<>();
            try {
                // 64 raw uploads that have sent their head and a few bytes, then wait (each holds its slot until
                // the 30 s idle timeout ends it)
                for (int i = 0; i < 64; i++) {
                    held.add(heldUpload(platform, api));
                }
                // once the server holds all 64, the 65th from this client is refused at once
                Res refused = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) {
                    replaceRefused(held, platform, api);
                    Res r = postRaw(api, "/api/v1/workspace/uploads", new byte[10], OCTET);
                    if (r.status() == 429) {
                        refused = r;
                        break;
                    }
                    expect(r, 201); // not all 64 admitted yet: this one went through
                }
                assertThat(refused).as("a 429 while 64 raw bodies are in flight").isNotNull();
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.reason().asText()).contains("64 request bodies");
            } finally {
                for (java.net.Socket s : held) {
                    s.close();
                }
            }
            // their slots come back: uploads go through again, and nothing of the 64 is left staged
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status;
            do {
                status = postRaw(api, "/api/v1/workspace/uploads", new byte[10], OCTET).status();
            } while (status == 429 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(201);
            // each of the 64 ends as its connection closes, deleting its part; wait for the last of them
            Path staging = platform.config().workspacesDir().resolve(".uploads");
            long partsDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long parts;
            do {
                parts = partFiles(staging);
            } while (parts > 0 && System.nanoTime() < partsDeadline && sleepBriefly());
            assertThat(parts).isZero();
        }
    }

    /** A raw upload that sends its head and 10 of its 100,000 bytes, then waits. */
    private static java.net.Socket heldUpload(LocalPlatform platform, Api api) throws Exception {
        java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), platform.port());
        s.getOutputStream().write(("POST /api/v1/workspace/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + api.key() + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 100000\r\n\r\n0123456789").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /**
     * A held upload that has an answer was refused: while the server was still admitting the 64,
     * one of the test's own uploads took the slot it was about to get. It is opened again, so that
     * the 64 in flight are eventually all held ones.
     */
    private static void replaceRefused(List<java.net.Socket> held, LocalPlatform platform, Api api) throws Exception {
        for (int i = 0; i < held.size(); i++) {
            if (held.get(i).getInputStream().available() > 0) {
                held.get(i).close();
                held.set(i, heldUpload(platform, api));
            }
        }
    }

    /** The part files under {@code staging}; a part deleted while the walk reads it is walked past again. */
    private static long partFiles(Path staging) throws Exception {
        while (true) {
            try (var walk = Files.walk(staging)) {
                return walk.filter(p -> p.getFileName().toString().startsWith(".part-")).count();
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                    throw e;
                }
                // an upload ended and deleted its part mid-walk: count again
            }
        }
    }

    private static boolean sleepBriefly() {
        JobsFixture.sleep(50);
        return true;
    }
}
