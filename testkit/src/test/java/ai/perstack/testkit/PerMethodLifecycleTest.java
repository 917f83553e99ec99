package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PerstackLocal.Lifecycle#PER_METHOD}: every test method gets a fresh, empty platform of its
 * own, also when the methods run in parallel and in {@code @Nested} classes, and each is stopped
 * and deleted after its method.
 */
@PerstackLocal(lifecycle = PerstackLocal.Lifecycle.PER_METHOD)
@Execution(ExecutionMode.CONCURRENT)
class PerMethodLifecycleTest {
    private static final int METHODS = 6;
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    record Seen(String test, String baseUrl, String apiKey, Path dataDir) {
    }

    /** Asserts the platform is empty, then leaves data behind that no other method may see. */
    static void startsEmptyAndLeavesDataBehind(TestInfo test, LocalPerstack local, PerstackClient client) {
        assertThat(client).isSameAs(local.client());
        assertThat(client.applications().list().orElseThrow().data().applications()).isEmpty();
        assertThat(client.env().variables().list().orElseThrow().data().variables()).isEmpty();
        local.createApplication("left behind by " + test.getDisplayName());
        client.env().variables().create(ai.perstack.client.env.CreateVariableInput.builder()
                .name("LEFT_BEHIND").value("yes").build()).orElseThrow();
        SEEN.add(new Seen(test.getDisplayName(), local.baseUrl(), local.apiKey(), local.platform().config().dataDir()));
    }

    @RepeatedTest(3)
    void everyMethodStartsOnAnEmptyPlatform(TestInfo test, LocalPerstack local, PerstackClient client) {
        startsEmptyAndLeavesDataBehind(test, local, client);
    }

    @Test
    void allParametersOfOneMethodAreOnePlatform(TestInfo test, LocalPerstack first, LocalPerstack second,
                                                PerstackClient client) {
        assertThat(first).isSameAs(second);
        startsEmptyAndLeavesDataBehind(test, first, client);
    }

    @Nested
    @Execution(ExecutionMode.CONCURRENT)
    class NestedClasses {
        @Test
        void inheritThePerMethodLifecycle(TestInfo test, LocalPerstack local, PerstackClient client) {
            startsEmptyAndLeavesDataBehind(test, local, client);
        }

        @Test
        void inheritItForEveryMethod(TestInfo test, LocalPerstack local, PerstackClient client) {
            startsEmptyAndLeavesDataBehind(test, local, client);
        }
    }

    @AfterAll
    static void everyMethodHadItsOwnPlatformAndItIsGone() throws InterruptedException {
        assertThat(SEEN).hasSize(METHODS);
        assertThat(SEEN.stream().map(Seen::baseUrl).distinct()).hasSize(METHODS);
        assertThat(SEEN.stream().map(Seen::apiKey).distinct()).hasSize(METHODS);
        assertThat(SEEN.stream().map(Seen::dataDir).distinct()).hasSize(METHODS);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Seen seen : SEEN) {
            assertThat(Files.exists(seen.dataDir())).as("store of %s deleted", seen.test()).isFalse();
            // Stopped: nothing answers there, or (if another test's platform got the port since) not to this key.
            HttpRequest request = HttpRequest.newBuilder(URI.create(seen.baseUrl() + "/api/v1/applications"))
                    .header("Authorization", "Bearer " + seen.apiKey()).timeout(Duration.ofSeconds(10)).build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as("platform of %s stopped", seen.test()).isEqualTo(401);
            } catch (IOException expected) {
                // Connection refused: the platform is gone.
            }
        }
    }
}
