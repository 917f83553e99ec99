package ai.perstack.reliability;

import ai.perstack.client.AbortController;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.reliability.support.FaultProxy;
import ai.perstack.reliability.support.FaultProxy.Action;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.Seed;
import ai.perstack.server.LocalPlatform;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client against the real platform through {@link FaultProxy}: connections reset
 * mid-response, responses lost after the server acted, injected 503s with {@code Retry-After},
 * stalled responses. Nothing is lost and nothing is done twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {
    private static final String TEST = "FaultInjectionTest";
    private final String apiKey = Platforms.newApiKey();
    private LocalPlatform platform;
    private PerstackClient direct;
    private Seed seed;
    private FaultProxy proxy;
    private long faultsTotal;
    private long requestsTotal;

    @BeforeAll
    void startPlatform() {
        platform = Platforms.start(false, apiKey);
        direct = Seed.client(platform.baseUrl(), apiKey, Duration.ofSeconds(30), 0);
        seed = Seed.create(direct, "local", "faults");
    }

    @BeforeEach
    void startProxy() throws IOException {
        proxy = FaultProxy.start(platform.port());
    }

    @AfterEach
    void stopProxy() {
        faultsTotal += proxy.faultsInjected();
        requestsTotal += proxy.requests.get();
        proxy.close();
    }

    @AfterAll
    void stopPlatform() {
        Figures.record(TEST, "requests through the proxy", requestsTotal);
        Figures.record(TEST, "faults injected", faultsTotal);
        direct.close();
        platform.close();
    }

    private PerstackClient viaProxy(Duration timeout, int maxRetries) {
        return Seed.client(proxy.baseUrl(), apiKey, timeout, maxRetries);
    }

    @Test
    @Tag("long")
    void aThousandCheckpointsThroughAConnectionCutEvery50KbArriveExactlyOnceInOrder() {
        proxy.resetAfterBytes(50_000);
        String task = "Summarise the quarterly report ".repeat(12);
        Job job = seed.start("Checkpoint marathon: " + task + "\n/steps 998\n/sleep 2");
        List<Long> seen = new ArrayList<>();
        JobStatus done;
        try (PerstackClient client = viaProxy(Duration.ofSeconds(30), 2);
             CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            for (ApiResult<Checkpoint> r : stream) {
                seen.add(r.orElseThrow().sequence());
            }
            done = stream.doneStatus().orElseThrow();
        }
        assertThat(done).isEqualTo(JobStatus.COMPLETED);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
        assertThat(proxy.byteResets.get()).as("connections cut mid-stream").isGreaterThanOrEqualTo(10);
        Figures.record(TEST, "stream: checkpoints delivered", seen.size());
        Figures.record(TEST, "stream: duplicates", seen.size() - new HashSet<>(seen).size());
        Figures.record(TEST, "stream: lost", 1000 - new HashSet<>(seen).size());
        Figures.record(TEST, "stream: connections cut (~50 KB each)", proxy.byteResets.get());
        Figures.record(TEST, "stream: bytes delivered", proxy.bytesToClient.get());
    }

    @Test
    void createsAndStartsWhoseResponseWasLostAreRetriedAndExistExactlyOnce() {
        // Every first attempt of each POST reaches the server; its answer never reaches the client.
        Set<String> seenBodies = ConcurrentHashMap.newKeySet();
        AtomicInteger posts = new AtomicInteger();
        proxy.rule(r -> {
            if (!r.method().equals("POST")) {
                return Action.PASS;
            }
            return posts.getAndIncrement() % 2 == 0 ? Action.LOSE_RESPONSE : Action.PASS;
        });
        int rounds = 5;
        List<String> jobIds = new ArrayList<>();
        try (PerstackClient client = viaProxy(Duration.ofSeconds(20), 2)) {
            for (int i = 0; i < rounds; i++) {
                Application app = client.applications().create(CreateApplicationInput.builder().name("lost-" + i).build())
                        .orElseThrow().data().application();
                assertThat(seenBodies.add(app.id())).isTrue();
                client.env().variables().create(CreateVariableInput.builder().name("LOST_VAR_" + i).value("v" + i).build())
                        .orElseThrow();
                client.env().secrets().create(CreateSecretInput.builder().name("LOST_SECRET_" + i).value("s" + i).build())
                        .orElseThrow();
                jobIds.add(client.jobs().start(seed.input("lost start " + i)).orElseThrow().data().job().id());
            }
        }
        assertThat(proxy.lostResponses.get()).isEqualTo(4L * rounds);
        // Exactly one of each, seen through a clean connection.
        for (int i = 0; i < rounds; i++) {
            String name = "lost-" + i;
            assertThat(direct.applications().list(ListApplicationsParams.builder().name(name).build())
                    .orElseThrow().data().applications()).extracting(Application::name)
                    .filteredOn(name::equals).hasSize(1);
        }
        long variables = direct.env().variables().list().orElseThrow().data().variables().stream()
                .filter(v -> v.name().startsWith("LOST_VAR_")).count();
        long secrets = direct.env().secrets().list().orElseThrow().data().secrets().stream()
                .filter(s -> s.name().startsWith("LOST_SECRET_")).count();
        assertThat(variables).isEqualTo(rounds);
        assertThat(secrets).isEqualTo(rounds);
        List<Job> jobs = direct.jobs().list(ListJobsParams.builder().take(100).build()).orElseThrow().data().jobs()
                .stream().filter(j -> j.query().orElse("").startsWith("lost start ")).toList();
        assertThat(jobs).hasSize(rounds);
        assertThat(jobs).extracting(Job::id).containsExactlyInAnyOrderElementsOf(jobIds);
        Figures.record(TEST, "lost responses: POSTs whose answer was lost", proxy.lostResponses.get());
        Figures.record(TEST, "lost responses: resources created", 4 * rounds);
        Figures.record(TEST, "lost responses: duplicate creates", (jobs.size() - rounds) + (variables - rounds) + (secrets - rounds));
    }

    @Test
    void aPostWhoseConnectionResetBeforeItReachedTheServerIsRetried() {
        AtomicInteger posts = new AtomicInteger();
        proxy.rule(r -> r.method().equals("POST") && posts.getAndIncrement() == 0 ? Action.RESET_BEFORE : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(20), 2)) {
            Application app = client.applications().create(CreateApplicationInput.builder().name("reset-before").build())
                    .orElseThrow().data().application();
            assertThat(direct.applications().get(app.id()).ok()).isTrue();
        }
        assertThat(proxy.resetsBefore.get()).isEqualTo(1);
    }

    @Test
    void a503WithRetryAfterInSecondsIsHonoured() {
        AtomicInteger n = new AtomicInteger();
        proxy.retryAfter("1").rule(r -> n.getAndIncrement() == 0 ? Action.REJECT_503 : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(20), 2)) {
            long t0 = System.nanoTime();
            Application app = client.applications().create(CreateApplicationInput.builder().name("after-503").build())
                    .orElseThrow().data().application();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isBetween(950L, 5_000L);
            assertThat(app.name()).isEqualTo("after-503");
        }
        assertThat(proxy.rejected503.get()).isEqualTo(1);
    }

    @Test
    void a503WithRetryAfterAsAnHttpDateIsHonoured() {
        AtomicInteger n = new AtomicInteger();
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        proxy.retryAfter(at).rule(r -> n.getAndIncrement() == 0 ? Action.REJECT_503 : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(20), 2)) {
            long t0 = System.nanoTime();
            assertThat(client.applications().list().ok()).isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            // An HTTP date has whole seconds: 3 s from now is 2..3 s away.
            assertThat(ms).isBetween(1_900L, 6_000L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 400, 401, 403, 404, 409, 413, 415, 501, 505})
    void onlyConnectionFailuresAnd408_429_500_502_503_504AreRetried(int status) {
        boolean retryable = Set.of(408, 429, 500, 502, 503, 504).contains(status);
        AtomicInteger n = new AtomicInteger();
        // a 409 with Retry-After is the one conflict that is retried (below); without it a 409 is final
        proxy.rejectWith(status).retryAfter(status == 409 ? null : "0")
                .rule(r -> n.getAndIncrement() == 0 ? Action.REJECT_503 : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(20), 2)) {
            var r = client.applications().create(CreateApplicationInput.builder().name("status-" + status).build());
            assertThat(r.ok()).as("%s", r).isEqualTo(retryable);
            if (!retryable) {
                assertThat(r.error().code()).isEqualTo(status);
            }
        }
        assertThat(proxy.requests.get()).isEqualTo(retryable ? 2 : 1);
    }

    @Test
    void aConflictWithRetryAfterIsRetried() {
        // what the platform answers while the first attempt with the same Idempotency-Key is still being processed
        AtomicInteger n = new AtomicInteger();
        proxy.rejectWith(409).retryAfter("0").rule(r -> n.getAndIncrement() == 0 ? Action.REJECT_503 : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(20), 2)) {
            var r = client.applications().create(CreateApplicationInput.builder().name("conflict-then-ok").build());
            assertThat(r.ok()).as("%s", r).isTrue();
        }
        assertThat(proxy.requests.get()).isEqualTo(2);
    }

    @Test
    void anAbortCutsABackoffShort() {
        proxy.retryAfter("30").rule(r -> Action.REJECT_503);
        AbortController abort = new AbortController();
        try (PerstackClient client = viaProxy(Duration.ofSeconds(60), 2)) {
            platform.config(); // keep the platform referenced
            new Thread(() -> {
                sleep(300);
                abort.abort();
            }).start();
            long t0 = System.nanoTime();
            var r = client.applications().list(ListApplicationsParams.builder().build(),
                    RequestOptions.builder().signal(abort.signal()).build());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.error().aborted()).isTrue();
            assertThat(ms).isLessThan(2_000);
        }
        assertThat(proxy.rejected503.get()).isEqualTo(1);
    }

    @Test
    void theOverallTimeoutCutsABackoffShort() {
        // Retry-After 30 s cannot fit in a 2 s timeout: the call ends at once with the 503 it got.
        proxy.retryAfter("30").rule(r -> Action.REJECT_503);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(2), 5)) {
            long t0 = System.nanoTime();
            var r = client.applications().list();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.error().code()).isEqualTo(503);
            assertThat(ms).isLessThan(1_000);
        }
        // Without Retry-After, exponential backoff (0.5 s, 1 s, 2 s ...) runs until the next wait would pass the deadline.
        proxy.retryAfter(null);
        long before = proxy.rejected503.get();
        try (PerstackClient client = viaProxy(Duration.ofMillis(2_500), 10)) {
            long t0 = System.nanoTime();
            var r = client.applications().list();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.error().code()).isEqualTo(503);
            assertThat(ms).isLessThan(2_500);
            assertThat(proxy.rejected503.get() - before).isBetween(2L, 3L);
        }
    }

    @Test
    void aStalledResponseTimesOutAndTheStreamResumesWithoutLoss() {
        try (PerstackClient client = viaProxy(Duration.ofSeconds(1), 0)) {
            proxy.rule(r -> Action.STALL);
            long t0 = System.nanoTime();
            var r = client.applications().list();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.error().aborted()).isTrue();
            assertThat(ms).isBetween(900L, 3_000L);
        }
        proxy.rule(r -> Action.PASS).stallAfterBytes(20_000);
        Job job = seed.start("Stall me\n/steps 60\n/sleep 10");
        List<Long> seen = new ArrayList<>();
        long last;
        try (PerstackClient client = viaProxy(Duration.ofSeconds(30), 2);
             CheckpointStream stream = client.jobs().checkpoints().stream(job.id(),
                     StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(2)).build())) {
            ApiResult<Checkpoint> lastResult = null;
            for (ApiResult<Checkpoint> r : stream) {
                if (r.ok()) {
                    seen.add(r.data().sequence());
                }
                lastResult = r;
            }
            assertThat(lastResult.ok()).isFalse();
            assertThat(lastResult.error().aborted()).as("an idle timeout").isTrue();
            last = stream.lastSequence();
        }
        assertThat(last).isPositive().isLessThan(62);
        proxy.stallAfterBytes(0);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(30), 2);
             CheckpointStream stream = client.jobs().checkpoints().stream(job.id(),
                     StreamRequestOptions.builder().header("Last-Event-ID", Long.toString(last)).build())) {
            for (ApiResult<Checkpoint> r : stream) {
                seen.add(r.orElseThrow().sequence());
            }
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
        }
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, 62).boxed().toList());
    }

    @Test
    void aStreamReconnectsAfterTheServersRetryField() {
        Job job = seed.start("Retry field\n/steps 3");
        List<Long> streamRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
        proxy.rule(r -> {
            if (!r.path().contains("/stream")) {
                return Action.PASS;
            }
            streamRequests.add(System.nanoTime());
            return streamRequests.size() == 1 ? Action.SSE_RETRY_THEN_CLOSE : Action.PASS;
        });
        try (PerstackClient client = viaProxy(Duration.ofSeconds(30), 2);
             CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            List<Long> seen = new ArrayList<>();
            stream.forEach(r -> seen.add(r.orElseThrow().sequence()));
            assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
        assertThat(streamRequests).hasSize(2);
        // retry: 1500 replaces the 0.5 s backoff.
        assertThat((streamRequests.get(1) - streamRequests.get(0)) / 1_000_000).isBetween(1_450L, 4_000L);
    }

    @Test
    void aStreamHonoursRetryAfterWhenReconnectingAndGivesUpAfterMaxRetriesInARow() {
        Job job = seed.start("Short\n/steps 5");
        AtomicInteger streams = new AtomicInteger();
        proxy.retryAfter("1").rule(r -> r.path().contains("/stream") && streams.getAndIncrement() == 0
                ? Action.REJECT_503 : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(30), 2);
             CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            long t0 = System.nanoTime();
            List<Long> seen = new ArrayList<>();
            stream.forEach(r -> seen.add(r.orElseThrow().sequence()));
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(950L);
            assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        }
        proxy.rule(r -> r.path().contains("/stream") ? Action.RESET_BEFORE : Action.PASS);
        try (PerstackClient client = viaProxy(Duration.ofSeconds(30), 2);
             CheckpointStream stream = client.jobs().checkpoints().stream(job.id())) {
            List<ApiResult<Checkpoint>> results = new ArrayList<>();
            stream.forEach(results::add);
            assertThat(results).hasSize(1);
            assertThat(results.get(0).error().message()).contains("gave up after 2 reconnect attempts in a row");
        }
        // 1 + 2 reconnects; java.net.http itself retries a reset GET once more, so the proxy may count up to twice as many.
        assertThat(proxy.resetsBefore.get()).isBetween(3L, 6L);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
