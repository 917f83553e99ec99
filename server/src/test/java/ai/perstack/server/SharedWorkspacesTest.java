package ai.perstack.server;

import static ai.perstack.server.ApiTest.expect;
import static ai.perstack.server.StagedUploadsApiTest.stage;
import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Postgres;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two {@code serve} processes on one PostgreSQL sharing the workspaces directory, as the
 * decisions ask an operator to run them: an upload staged through one is handed to a job started
 * through the other, and of two starts naming the same upload at once, in different processes,
 * exactly one gets it.
 */
class SharedWorkspacesTest {

    private static LocalPlatform start(String databaseUrl, Path workspaces) {
        return LocalPlatform.start(Platforms.config(Backend.POSTGRES, Platforms.newDataDir(), 0)
                .databaseUrl(databaseUrl).workspacesDir(workspaces).build());
    }

    @Test
    void anUploadStagedInOneProcessIsHandedOverInTheOtherOnceOnly() throws Exception {
        String url = Postgres.newDatabaseUrl();
        Path workspaces = Platforms.newDataDir().resolve("shared-workspaces");
        try (LocalPlatform a = start(url, workspaces); LocalPlatform b = start(url, workspaces)) {
            Api onA = Platforms.newOrganization(a);
            Api onB = new Api(b.baseUrl(), onA.key(), onA.org());
            JobsFixture fixtureA = WorkspaceFilesApiTest.baseFixture(onA);
            JobsFixture fixtureB = new JobsFixture(onB, fixtureA.applicationId, fixtureA.expertKey);

            String upload = stage(onA, "from process A".getBytes(StandardCharsets.UTF_8));
            String id = fixtureB.startId("/tool @perstack/base readTextFile {\"path\":\"in.txt\"}\nDone",
                    "uploads", List.of(Map.of("path", "in.txt", "uploadId", upload)));
            fixtureA.await(id, "completed");
            JsonNode read = fixtureA.checkpoints(id).stream().map(c -> c.get("activity"))
                    .filter(x -> x.get("type").asText().equals("readTextFile")).findFirst().orElseThrow();
            assertThat(read.get("content").asText()).isEqualTo("from process A");
            expect(onB.get("/api/v1/workspace/uploads/" + upload), 404);

            for (int round = 0; round < 5; round++) {
                String contested = stage(onB, ("round " + round).getBytes(StandardCharsets.UTF_8));
                List<CompletableFuture<Res>> starts = new ArrayList<>();
                for (JobsFixture f : List.of(fixtureA, fixtureB)) {
                    starts.add(CompletableFuture.supplyAsync(() -> f.start("contest", "uploads",
                            List.of(Map.of("path", "c.txt", "uploadId", contested)))));
                }
                List<Integer> statuses = starts.stream().map(CompletableFuture::join).map(Res::status).sorted().toList();
                assertThat(statuses).as("round %d", round).containsExactly(201, 400);
            }
        }
    }
}
