package ai.perstack.client;

import ai.perstack.client.internal.PathTemplates;
import ai.perstack.client.listener.PerstackListener;
import ai.perstack.client.support.RecordingServer;
import ai.perstack.client.support.RecordingServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static ai.perstack.client.support.Fixtures.APPLICATION;
import static ai.perstack.client.support.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

/** The listener SPI and the response information of calls, against a real HTTP server. */
class ListenerTest {
    private static final String APP_ID = "v81u33xtplpft75v2seh60kv";
    private RecordingServer server;
    private final List<Object> events = new CopyOnWriteArrayList<>();

    private final PerstackListener recorder = new PerstackListener() {
        @Override
        public void onCallStart(CallStart event) {
            events.add(event);
        }

        @Override
        public void onCallEnd(CallEnd event) {
            events.add(event);
        }

        @Override
        public void onRetry(Retry event) {
            events.add(event);
        }
    };

    @BeforeEach
    void startServer() {
        server = RecordingServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PerstackClient client(int maxRetries, PerstackListener... listeners) {
        PerstackClient.Builder b = PerstackClient.builder().apiKey("sk_test_key").baseUrl(server.baseUrl()).maxRetries(maxRetries);
        for (PerstackListener l : listeners) {
            b.listener(l);
        }
        return b.build();
    }

    @Test
    void aRetriedCallIsOneStartOneRetryAndOneEndWithTheLastResponsesRequestId() {
        server.enqueue(Reply.error(503, "Service Unavailable", "\"busy\"").withHeader("Retry-After", "0").withHeader("Request-Id", "r-1"));
        server.enqueue(Reply.json(200, item("application", APPLICATION)).withHeader("Request-Id", "r-2"));
        try (PerstackClient client = client(2, recorder)) {
            assertThat(client.applications().get(APP_ID).ok()).isTrue();
        }
        assertThat(events).hasSize(3);
        PerstackListener.CallStart start = (PerstackListener.CallStart) events.get(0);
        PerstackListener.Retry retry = (PerstackListener.Retry) events.get(1);
        PerstackListener.CallEnd end = (PerstackListener.CallEnd) events.get(2);
        assertThat(start.method()).isEqualTo("GET");
        assertThat(start.pathTemplate()).isEqualTo("/api/v1/applications/{applicationId}");
        assertThat(retry.callId()).isEqualTo(start.callId());
        assertThat(retry.attempt()).isEqualTo(1);
        assertThat(retry.status()).isEqualTo(503);
        assertThat(end.callId()).isEqualTo(start.callId());
        assertThat(end.ok()).isTrue();
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.attempt()).isEqualTo(1);
        assertThat(end.requestId()).contains("r-2");
        assertThat(end.duration()).isPositive();
    }

    @Test
    void aFailedCallEndsWithItsErrorAndTheErrorCarriesTheResponse() {
        server.enqueue(Reply.error(404, "Not Found", "\"no such application\"").withHeader("Request-Id", "r-404"));
        ApiResult<?> result;
        try (PerstackClient client = client(0, recorder)) {
            result = client.applications().get(APP_ID);
        }
        ApiError error = result.error();
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.requestId()).contains("r-404");
        assertThat(error.headers()).containsKey("request-id");
        assertThat(error.toString()).contains("r-404");
        PerstackListener.CallEnd end = (PerstackListener.CallEnd) events.get(1);
        assertThat(end.error()).contains(error);
        assertThat(end.status()).isEqualTo(404);
    }

    @Test
    void aCallThatNeverLeftStillStartsAndEnds() {
        AbortController controller = new AbortController();
        controller.abort("not needed");
        try (PerstackClient client = client(0, recorder)) {
            ApiResult<?> result = client.applications().get(APP_ID, RequestOptions.builder().signal(controller.signal()).build());
            assertThat(result.error().aborted()).isTrue();
        }
        assertThat(events).hasSize(2);
        PerstackListener.CallEnd end = (PerstackListener.CallEnd) events.get(1);
        assertThat(end.status()).isZero();
        assertThat(end.requestId()).isEmpty();
        assertThat(end.error()).isPresent();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aFailingListenerChangesNothingAndTheOthersStillHearEverything() {
        server.enqueue(Reply.json(200, item("application", APPLICATION)));
        PerstackListener broken = new PerstackListener() {
            @Override
            public void onCallStart(CallStart event) {
                throw new IllegalStateException("broken listener");
            }
        };
        try (PerstackClient client = client(0, broken, recorder)) {
            assertThat(client.applications().get(APP_ID).ok()).isTrue();
        }
        assertThat(events).hasSize(2);
    }

    @Test
    void onResponseShowsTheStatusHeadersAndRequestIdOfASuccess() {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).withHeader("Request-Id", "r-ok").withHeader("X-Extra", "1"));
        AtomicReference<ResponseInfo> seen = new AtomicReference<>();
        try (PerstackClient client = client(0)) {
            ApiResult<?> result = client.applications().get(APP_ID, RequestOptions.builder().onResponse(seen::set).build());
            assertThat(result.ok()).isTrue();
        }
        assertThat(seen.get().status()).isEqualTo(200);
        assertThat(seen.get().requestId()).contains("r-ok");
        assertThat(seen.get().header("x-EXTRA")).contains("1");
    }

    @Test
    void asyncCallsReportTheSameWay() {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).withHeader("Request-Id", "r-async"));
        AtomicReference<ResponseInfo> seen = new AtomicReference<>();
        try (PerstackClient client = client(0, recorder)) {
            ApiResult<?> result = client.async().applications()
                    .get(APP_ID, RequestOptions.builder().onResponse(seen::set).timeout(Duration.ofSeconds(10)).build()).join();
            assertThat(result.ok()).isTrue();
            // onResponse runs before the future completes, so it has been called by now.
            assertThat(seen.get().requestId()).contains("r-async");
        }
        assertThat(events).hasSize(2);
    }

    @Test
    void thePathTemplatesAreThoseOfTheContract() throws IOException {
        String spec = Files.readString(OpenApiContractTest.locateSpec());
        Matcher m = Pattern.compile("(?m)^  (/\\S*):\\s*$").matcher(spec);
        List<String> paths = new java.util.ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertThat(PathTemplates.ALL).containsExactlyInAnyOrderElementsOf(paths);
        // Every template maps to itself once its parameters are filled in, and nothing else does.
        for (String template : paths) {
            String concrete = Pattern.compile("\\{[^}]+}").matcher(template).replaceAll("x1");
            assertThat(PathTemplates.of(concrete)).as(concrete).isEqualTo(template);
        }
        assertThat(PathTemplates.of("/api/v1/jobs/j1/checkpoints/stream")).isEqualTo("/api/v1/jobs/{jobId}/checkpoints/stream");
        assertThat(PathTemplates.of("/api/v1/nowhere")).isEqualTo(PathTemplates.UNKNOWN);
        assertThat(paths.stream().collect(Collectors.toSet())).hasSameSizeAs(paths);
    }
}
