package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits one client or organization cannot get around: rate limit, open streams, file permissions. */
class ClientLimitsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void rotatingUnknownKeysIsRateLimitedWhileKnownKeysKeepTheirOwnBudget() {
        try (LocalPlatform platform = LocalPlatform.start(Platforms.config(Backend.H2, Platforms.newDataDir(), 3).build())) {
            int limited = 0;
            for (int i = 0; i < 30; i++) {
                Res res = new Api(platform.baseUrl(), "psk_" + UUID.randomUUID(), "nobody").get("/api/v1/applications");
                assertThat(res.status()).as("%s", res).isIn(401, 429);
                if (res.status() == 429) {
                    limited++;
                    assertThat(Integer.parseInt(res.header("Retry-After"))).isGreaterThanOrEqualTo(1);
                }
            }
            assertThat(limited).as("requests with ever new unknown keys that were limited").isGreaterThan(20);
            Api known = new Api(platform.baseUrl(), platform.bootstrapApiKey(), "local");
            assertThat(known.get("/api/v1/applications").status()).isEqualTo(200);
        }
    }

    @Test
    void openCheckpointStreamsAreCappedPerOrganization() throws Exception {
        PlatformConfig config = Platforms.config(Backend.H2, Platforms.newDataDir(), 0).maxStreamsPerOrganization(3).build();
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            JobsFixture f = new JobsFixture(Platforms.newOrganization(platform));
            String id = f.startId("/steps 100\n/sleep 200\nLong");
            List<HttpResponse<InputStream>> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<InputStream> s = stream(platform, f.api.key(), id);
                    assertThat(s.statusCode()).isEqualTo(200);
                    open.add(s);
                }
                HttpResponse<InputStream> refused = stream(platform, f.api.key(), id);
                assertThat(refused.statusCode()).isEqualTo(429);
                String body = new String(refused.body().readAllBytes());
                assertThat(body).contains("\"code\":429").contains("3");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();

                // Another organization has its own budget.
                JobsFixture other = new JobsFixture(Platforms.newOrganization(platform));
                String otherId = other.startId("Quick");
                HttpResponse<InputStream> theirs = stream(platform, other.api.key(), otherId);
                assertThat(theirs.statusCode()).isEqualTo(200);
                theirs.body().close();

                // A closed stream frees its place.
                open.remove(0).body().close();
                long deadline = System.nanoTime() + 10_000_000_000L;
                HttpResponse<InputStream> again = stream(platform, f.api.key(), id);
                while (again.statusCode() == 429 && System.nanoTime() < deadline) {
                    again.body().close();
                    Thread.sleep(100);
                    again = stream(platform, f.api.key(), id);
                }
                assertThat(again.statusCode()).isEqualTo(200);
                open.add(again);
            } finally {
                for (HttpResponse<InputStream> s : open) {
                    s.body().close();
                }
                f.api.post("/api/v1/jobs/" + id + "/cancel", null);
            }
        }
    }

    @Test
    void theDataDirectoryAndTheH2DatabaseAreReadableByTheOwnerOnly() throws IOException {
        Path dir = Platforms.newDataDir();
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.values())); // as loose as it gets
        try (LocalPlatform platform = LocalPlatform.start(Platforms.config(Backend.H2, dir, 0).build())) {
            assertThat(platform.baseUrl()).isNotNull();
        }
        assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).contains("perstack.mv.db");
            for (Path file : all) {
                assertThat(Files.getPosixFilePermissions(file)).as("%s", file)
                        .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
                                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
            }
        }
    }

    private static HttpResponse<InputStream> stream(LocalPlatform platform, String key, String jobId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/jobs/" + jobId
                + "/checkpoints/stream")).header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
