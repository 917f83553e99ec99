package ai.perstack.micrometer;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.testkit.LocalPerstack;
import ai.perstack.testkit.PerstackLocal;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@PerstackLocal
class PerstackObservationListenerTest {
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private PerstackClient client;

    @BeforeEach
    void observedClient(LocalPerstack local) {
        client = PerstackClient.builder().apiKey(local.apiKey()).baseUrl(local.baseUrl())
                .listener(PerstackObservationListener.create(observations, meters)).build();
    }

    @Test
    void eachCallIsOneObservationTaggedByItsRouteNotItsIds() {
        Application app = client.applications().create(CreateApplicationInput.builder().name("observed").build())
                .orElseThrow().data().application();
        client.applications().get(app.id()).orElseThrow();
        ApiResult<?> missing = client.applications().get("no-such-application");
        assertThat(missing.ok()).isFalse();

        assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(PerstackObservationListener.CALLS, 3)
                .forAllObservationsWithNameEqualTo(PerstackObservationListener.CALLS, o -> o.hasLowCardinalityKeyValueWithKey("status"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("method", "POST")
                        .hasLowCardinalityKeyValue("uri", "/api/v1/applications")
                        .hasLowCardinalityKeyValue("status", "201")
                        .hasLowCardinalityKeyValue("outcome", "SUCCESS"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("uri", "/api/v1/applications/{applicationId}")
                        .hasLowCardinalityKeyValue("status", "404")
                        .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                        .hasHighCardinalityKeyValueWithKey("request.id")
                        .assertThatError().isNotNull());
        String requestId = missing.error().requestId().orElseThrow();
        assertThat(observations).hasAnObservation(o -> o.hasHighCardinalityKeyValue("request.id", requestId));
    }

    @Test
    void streamsCountConnectsCheckpointsTokensAndTheirEnd(LocalPerstack local) {
        Application app = local.createApplication("observed jobs");
        local.publishExpert("@local/observed", "1.0.0", "writer.json", app.id());
        Job done = client.jobs().session().build().start(StartJobInput.builder().applicationId(app.id())
                .expertKey("@local/observed").provider("mock").query("Write a haiku").build()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);

        assertThat(meters.get(PerstackObservationListener.STREAM_CONNECTS).tag("reconnect", "false").counter().count()).isEqualTo(1);
        assertThat(meters.get(PerstackObservationListener.STREAM_CHECKPOINTS).counter().count()).isEqualTo(3);
        assertThat(meters.get(PerstackObservationListener.STREAM_ENDS).tag("outcome", "done").tag("status", "completed")
                .counter().count()).isEqualTo(1);
        double input = meters.get(PerstackObservationListener.TOKENS).tag("type", "input").counter().count();
        double output = meters.get(PerstackObservationListener.TOKENS).tag("type", "output").counter().count();
        assertThat(input + output).isEqualTo(done.usage().inputTokens() + done.usage().outputTokens());
        assertThat(observations).hasAnObservation(o -> o.hasLowCardinalityKeyValue("uri", "/api/v1/jobs")
                .hasLowCardinalityKeyValue("method", "POST"));
    }

    /** A 503 cannot be had from the platform on demand, so one socket answers 503 once, then 200. */
    @Test
    void retriesAreCountedAndShownOnTheCallsObservation() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/applications", exchange -> {
            byte[] body = calls.getAndIncrement() == 0
                    ? "{\"code\":503,\"error\":\"Service Unavailable\"}".getBytes(StandardCharsets.UTF_8)
                    : "{\"data\":{\"applications\":[]},\"meta\":{\"total\":0,\"take\":100,\"skip\":0}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Retry-After", "0");
            exchange.getResponseHeaders().add("Request-Id", "req-" + calls.get());
            exchange.sendResponseHeaders(calls.get() == 1 ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (PerstackClient flaky = PerstackClient.builder().apiKey("key").baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .listener(PerstackObservationListener.create(observations, meters)).build()) {
            assertThat(flaky.applications().list().ok()).isTrue();
        } finally {
            server.stop(0);
        }
        assertThat(meters.get(PerstackObservationListener.RETRIES).tag("status", "503").tag("uri", "/api/v1/applications")
                .counter().count()).isEqualTo(1);
        assertThat(observations).hasSingleObservationThat().hasNameEqualTo(PerstackObservationListener.CALLS)
                .hasLowCardinalityKeyValue("status", "200").hasHighCardinalityKeyValue("request.id", "req-2");
    }
}
