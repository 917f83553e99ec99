package ai.perstack.reliability;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.listener.PerstackListener;
import ai.perstack.reliability.support.FaultProxy;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.Seed;
import ai.perstack.server.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job session through {@link FaultProxy} cutting the connection every 20 KB: across the
 * stream's reconnects and the continue after the answer, each checkpoint reaches the handler
 * exactly once, in order, and the session returns the completed job.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobSessionFaultTest {
    private final String apiKey = Platforms.newApiKey();
    private LocalPlatform platform;
    private PerstackClient direct;
    private Seed seed;

    @BeforeAll
    void startPlatform() {
        platform = Platforms.start(false, apiKey);
        direct = Seed.client(platform.baseUrl(), apiKey, Duration.ofSeconds(30), 0);
        seed = Seed.create(direct, "local", "session faults");
    }

    @AfterAll
    void stopPlatform() {
        direct.close();
        platform.close();
    }

    @Test
    void aSessionThroughCutConnectionsSeesEveryCheckpointOnceAndAnswersTheQuestion() throws Exception {
        AtomicInteger reconnects = new AtomicInteger();
        List<Checkpoint> seen = new CopyOnWriteArrayList<>();
        String task = "Summarise the quarterly report ".repeat(12);
        try (FaultProxy proxy = FaultProxy.start(platform.port()).resetAfterBytes(20_000);
             PerstackClient client = PerstackClient.builder().apiKey(apiKey).baseUrl(proxy.baseUrl())
                     .timeout(Duration.ofSeconds(30)).maxRetries(3)
                     .listener(new PerstackListener() {
                         @Override
                         public void onStreamReconnect(StreamReconnect event) {
                             reconnects.incrementAndGet();
                         }
                     }).build()) {
            Job started = seed.start(direct, task + "\n/steps 150\n/sleep 2\n/ask Which quarter?");
            Job done = client.jobs().session().onCheckpoint(seen::add).answer(q -> "the third").build()
                    .attach(started.id()).orElseThrow();

            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.result()).hasValueSatisfying(r -> assertThat(r).contains("(answer: the third)"));
            assertThat(seen).extracting(Checkpoint::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, seen.size()).boxed().toList());
            assertThat((long) seen.size()).isEqualTo(done.totalSteps());
            assertThat(proxy.byteResets.get()).as("connections cut").isGreaterThanOrEqualTo(2);
            assertThat(reconnects.get()).as("stream reconnects").isGreaterThanOrEqualTo(2);
        }
    }
}
