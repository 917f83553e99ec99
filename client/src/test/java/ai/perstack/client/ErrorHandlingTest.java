package ai.perstack.client;

import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.ApplicationResponse;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.applications.ListApplicationsResponse;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.client.jobs.Provider;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.support.RecordingServer;
import ai.perstack.client.support.RecordingServer.Reply;
import ai.perstack.client.support.RecordingServer.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static ai.perstack.client.support.Fixtures.APPLICATION;
import static ai.perstack.client.support.Fixtures.CHECKPOINT_QUERY;
import static ai.perstack.client.support.Fixtures.JOB_QUEUED;
import static ai.perstack.client.support.Fixtures.item;
import static ai.perstack.client.support.Fixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

/**
 * How the client reports failures, against a real HTTP server: HTTP errors, network failures,
 * timeouts, aborts, malformed responses, client-side validation and retries. A call never
 * throws; it returns an {@link ApiResult.Err} and {@code orElseThrow()} turns that into the
 * matching {@link PerstackException}.
 */
class ErrorHandlingTest {
    private static final String API_KEY = "sk_live_Zq8R3vLp0WcY5nXe2TbH7uJk";
    private static final String APP_ID = "v81u33xtplpft75v2seh60kv";

    private static RecordingServer server;
    /** No retries, so that every scripted reply is answered exactly once. */
    private static PerstackClient client;

    @BeforeAll
    static void start() {
        server = RecordingServer.start();
        client = clientFor(server.baseUrl()).timeout(Duration.ofSeconds(10)).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        server.reset();
    }

    private static PerstackClient.Builder clientFor(String baseUrl) {
        return PerstackClient.builder().apiKey(API_KEY).baseUrl(baseUrl);
    }

    private static ApiResult<ApplicationResponse> getApplication() {
        return client.applications().get(APP_ID);
    }

    // ---------------------------------------------------------------- HTTP errors

    @Test
    void badRequestCarriesTheFieldsAndTheirRules() {
        server.enqueue(Reply.error(400, "Bad Request",
                "{\"name\": \"must be 1..255 characters\", \"applicationGroupId\": \"must name an application group\"}"));

        ApiResult<ApplicationResponse> result = client.applications()
                .create(CreateApplicationInput.builder().name("Support desk").applicationGroupId("nope").build());

        assertThat(result).isInstanceOf(ApiResult.Err.class);
        ApiError error = result.error();
        assertThat(error.code()).isEqualTo(400);
        assertThat(error.aborted()).isFalse();
        assertThat(error.reason()).isInstanceOfSatisfying(Map.class, reason -> assertThat(reason)
                .containsEntry("name", "must be 1..255 characters")
                .containsEntry("applicationGroupId", "must name an application group"));
        assertThat(error.message()).contains("name must be 1..255 characters").contains("applicationGroupId");
        assertThatThrownBy(result::orElseThrow).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("400").hasMessageContaining("name")
                .satisfies(e -> assertThat(((PerstackException) e).error()).isEqualTo(error));
        assertThatThrownBy(result::data).isInstanceOf(BadRequestException.class);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "401, Unauthorized, AuthenticationException, missing or unknown API key",
            "403, Forbidden, PermissionDeniedException, scope @acme/reviewer belongs to another organization",
            "404, Not Found, NotFoundException, application v81u33xtplpft75v2seh60kv not found",
            "409, Conflict, ConflictException, application has running jobs",
            "429, Too Many Requests, RateLimitException, rate limit of 5 requests/s exceeded",
    })
    void eachStatusHasItsException(int status, String phrase, String exception, String reason) {
        server.enqueue(Reply.error(status, phrase, "\"" + reason + "\""));

        ApiResult<ApplicationResponse> result = getApplication();

        assertThat(result.ok()).isFalse();
        assertThat(result.error().code()).isEqualTo(status);
        assertThat(result.error().message()).isEqualTo(reason);
        assertThat(result.error().reason()).isEqualTo(reason);
        assertThat(result.error().aborted()).isFalse();
        assertThatThrownBy(result::orElseThrow)
                .isInstanceOf(PerstackException.class)
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(exception))
                .satisfies(e -> assertThat(((PerstackException) e).code()).isEqualTo(status))
                .hasMessage("error " + status + ": " + reason);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void serverErrorWithAnHtmlBodyIsReportedClearly() {
        server.enqueue(Reply.text(500, "text/html; charset=utf-8",
                "<html><head><title>500</title></head><body><h1>Internal Server Error</h1></body></html>"));

        ApiResult<ApplicationResponse> result = getApplication();

        ApiError error = result.error();
        assertThat(error.code()).isEqualTo(500);
        assertThat(error.aborted()).isFalse();
        assertThat(error.message()).contains("Internal Server Error").contains("not JSON").doesNotContain("<html>");
        assertThat(error.reason()).isNull();
        assertThatThrownBy(result::orElseThrow).isInstanceOf(ServerException.class);
    }

    // ---------------------------------------------------------------- network, timeout, abort

    @Test
    void closedPortIsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (PerstackClient offline = clientFor("http://127.0.0.1:" + port).maxRetries(0).build()) {
            ApiResult<ApplicationResponse> result = offline.applications().get(APP_ID);

            ApiError error = result.error();
            assertThat(error.code()).isZero();
            assertThat(error.aborted()).isFalse();
            assertThat(error.reason()).isNull();
            assertThat(error.message()).contains("127.0.0.1:" + port);
            assertThatThrownBy(result::orElseThrow).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void aResponseSlowerThanTheTimeoutEndsTheCall() {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        try (PerstackClient impatient = clientFor(server.baseUrl()).timeout(Duration.ofMillis(300)).maxRetries(0).build()) {
            long started = System.nanoTime();
            ApiResult<ApplicationResponse> result = impatient.applications().get(APP_ID);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofMillis(2500));
            ApiError error = result.error();
            assertThat(error.code()).isZero();
            assertThat(error.aborted()).isTrue();
            assertThat(error.message()).contains("timed out").contains("300 ms");
            assertThatThrownBy(result::orElseThrow).isInstanceOf(AbortedException.class);
        }
    }

    @Test
    void aPerCallTimeoutOverridesTheClients() {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        long started = System.nanoTime();

        ApiResult<ApplicationResponse> result = client.applications()
                .get(APP_ID, RequestOptions.builder().timeout(Duration.ofMillis(300)).build());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().code()).isZero();
    }

    @Test
    void abortedBeforeTheCallNothingIsSent() throws InterruptedException {
        AbortController controller = new AbortController();
        controller.abort();

        ApiResult<ApplicationResponse> result = client.applications()
                .get(APP_ID, RequestOptions.builder().signal(controller.signal()).build());

        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().code()).isZero();
        assertThatThrownBy(result::orElseThrow).isInstanceOf(AbortedException.class);
        Thread.sleep(100);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void abortedFromAnotherThreadDuringTheCall() throws Exception {
        server.enqueue(Reply.json(201, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        AbortController controller = new AbortController();
        RequestOptions options = RequestOptions.builder().signal(controller.signal()).build();
        long started = System.nanoTime();

        CompletableFuture<ApiResult<ApplicationResponse>> call = CompletableFuture.supplyAsync(() ->
                client.applications().create(CreateApplicationInput.builder().name("Support desk").build(), options));
        server.awaitRequests(1, Duration.ofSeconds(5));
        controller.abort("the user left");
        ApiResult<ApplicationResponse> result = call.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().code()).isZero();
        assertThat(result.error().message()).contains("aborted").contains("the user left");
        assertThatThrownBy(result::orElseThrow).isInstanceOf(AbortedException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void closingTheClientEndsItsPendingCalls() throws Exception {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        PerstackClient closing = clientFor(server.baseUrl()).timeout(Duration.ofSeconds(10)).maxRetries(0).build();
        CompletableFuture<ApiResult<ApplicationResponse>> call = closing.async().applications().get(APP_ID);
        server.awaitRequests(1, Duration.ofSeconds(5));
        long started = System.nanoTime();

        closing.close();
        ApiResult<ApplicationResponse> result = call.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(result.error().code()).isZero();
        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().message()).contains("closed");
    }

    @Test
    void closingTheClientEndsItsPendingBlockingCalls() throws Exception {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        PerstackClient closing = clientFor(server.baseUrl()).timeout(Duration.ofSeconds(10)).maxRetries(0).build();
        CompletableFuture<ApiResult<ApplicationResponse>> call = CompletableFuture.supplyAsync(() -> closing.applications().get(APP_ID));
        server.awaitRequests(1, Duration.ofSeconds(5));
        long started = System.nanoTime();

        closing.close();
        ApiResult<ApplicationResponse> result = call.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().message()).contains("closed");
    }

    @Test
    void aTimedOutBlockingCallLeavesTheThreadUninterrupted() {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));

        ApiResult<ApplicationResponse> result = client.applications()
                .get(APP_ID, RequestOptions.builder().timeout(Duration.ofMillis(200)).build());

        assertThat(result.error().message()).contains("timed out");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aBlockingCallWhoseThreadIsInterruptedEndsAndKeepsTheInterrupt() throws Exception {
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        CompletableFuture<ApiResult<ApplicationResponse>> call = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            call.complete(client.applications().get(APP_ID));
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        });
        caller.start();
        server.awaitRequests(1, Duration.ofSeconds(5));

        caller.interrupt();

        ApiResult<ApplicationResponse> result = call.get(2, TimeUnit.SECONDS);
        assertThat(result.error().aborted()).isTrue();
        assertThat(result.error().message()).contains("interrupted");
        assertThat(stillInterrupted.get(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBlockingCallOnAnAlreadyInterruptedThreadStillCompletes() throws Exception {
        server.enqueue(Reply.json(200, item("application", APPLICATION)));
        CompletableFuture<ApiResult<ApplicationResponse>> call = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            call.complete(client.applications().get(APP_ID));
        });
        caller.start();

        assertThat(call.get(5, TimeUnit.SECONDS).ok()).isTrue();
    }

    @Test
    void aCallOnAClosedClientFailsWithoutThrowing() {
        PerstackClient closed = clientFor(server.baseUrl()).maxRetries(0).build();
        closed.close();

        ApiResult<ApplicationResponse> result = closed.applications().get(APP_ID);

        assertThat(result.error().code()).isZero();
        assertThat(result.error().message()).contains("closed");
        assertThatThrownBy(result::orElseThrow).isInstanceOf(AbortedException.class);
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- responses that break the contract

    static Stream<Arguments> invalidResponses() {
        String app = APPLICATION;
        return Stream.of(
                Arguments.of(named("missing required field", item("application", app.replace("\"name\": \"Support desk\",", ""))),
                        "body.data.application.name", "is required"),
                Arguments.of(named("string field holds a number", item("application", app.replace("\"active\"", "42"))),
                        "body.data.application.status", "must be a string"),
                Arguments.of(named("unreadable timestamp", item("application",
                                app.replace("\"createdAt\": \"2025-01-15T09:30:00.000Z\"", "\"createdAt\": \"yesterday\""))),
                        "body.data.application.createdAt", "must be an ISO-8601 timestamp"),
                Arguments.of(named("envelope without data", "{\"application\": " + app + "}"),
                        "body.data", "is required"),
                Arguments.of(named("item is an array", "{\"data\": {\"application\": [" + app + "]}}"),
                        "body.data.application", "must be an object"),
                Arguments.of(named("not JSON at all", "<html>OK</html>"),
                        "body", "must be JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResponses")
    void aSuccessfulResponseThatBreaksTheContractIsAValidationError(String body, String path, String rule) {
        server.enqueue(Reply.json(200, body));

        ApiResult<ApplicationResponse> result = getApplication();

        ApiError error = result.error();
        assertThat(error.code()).isZero();
        assertThat(error.aborted()).isFalse();
        assertThat(error.reason()).isInstanceOfSatisfying(Map.class, reason -> assertThat(reason).containsEntry(path, rule));
        assertThat(error.message()).contains(path);
        assertThatThrownBy(result::orElseThrow).isInstanceOf(ValidationException.class).hasMessageContaining(path);
    }

    @Test
    void aWrongTypeDeepInAListNamesItsIndex() {
        server.enqueue(Reply.json(200, list("applications", "{\"total\": \"2\", \"take\": 20, \"skip\": 0}", APPLICATION)));

        ApiResult<ListApplicationsResponse> result = client.applications().list();

        assertThat(result.error().message()).contains("body.meta.total").contains("must be an integer");

        server.enqueue(Reply.json(200, list("applications", "{\"total\": 2, \"take\": 20, \"skip\": 0}",
                APPLICATION, APPLICATION.replace("\"id\": \"v81u33xtplpft75v2seh60kv\"", "\"id\": 7"))));

        ApiResult<ListApplicationsResponse> second = client.applications().list();

        assertThat(second.error().reason()).isEqualTo(Map.of("body.data.applications[1].id", "must be a string"));
    }

    // ---------------------------------------------------------------- forward compatibility

    @Test
    void unknownEnumValuesAndFieldsAreKept() {
        server.enqueue(Reply.json(200, "{\"data\": {\"application\": "
                + APPLICATION.replace("\"active\"", "\"archived\"").replace("{\"id\"", "{\"color\": \"blue\", \"id\"")
                + "}, \"requestCost\": 1}"));

        ApiResult<ApplicationResponse> result = getApplication();

        Application application = result.orElseThrow().data().application();
        assertThat(application.status().value()).isEqualTo("archived");
        assertThat(application.status().isKnown()).isFalse();
        assertThat(application.status().known()).isEmpty();
        assertThat(application.json().get("color").asText()).isEqualTo("blue");
        assertThat(result.orElseThrow().json().get("requestCost").asInt()).isEqualTo(1);
    }

    @Test
    void unknownJobValuesAreKept() {
        server.enqueue(Reply.json(200, item("job", JOB_QUEUED
                .replace("\"queued\"", "\"hibernating\"")
                .replace("\"provider\": \"mock\"", "\"provider\": \"mistral\"")
                .replace("\"reasoningBudget\": \"low\"", "\"reasoningBudget\": \"extreme\", \"priority\": 3"))));

        Job job = client.jobs().get("lkh5dnsipzz5fk2z9ri19r0w").orElseThrow().data().job();

        assertThat(job.status().value()).isEqualTo("hibernating");
        assertThat(job.status().isKnown()).isFalse();
        assertThat(job.status().isFinal()).isFalse();
        assertThat(job.provider().value()).isEqualTo("mistral");
        assertThat(job.provider().isKnown()).isFalse();
        assertThat(job.reasoningBudget().level()).contains("extreme");
        assertThat(job.reasoningBudget().isKnown()).isFalse();
        assertThat(job.json().get("priority").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownActivityTypeIsKeptWhole() {
        String checkpoint = CHECKPOINT_QUERY.replace("\"type\": \"query\"", "\"type\": \"summarize\", \"words\": 120")
                .replace("\"status\": \"init\"", "\"status\": \"deliberating\"");
        server.enqueue(Reply.json(200, item("checkpoint", checkpoint)));

        Checkpoint result = client.jobs().checkpoints().get("lkh5dnsipzz5fk2z9ri19r0w", "qbn7xj8b7tfq7xkwo886vomp")
                .orElseThrow().data().checkpoint();

        assertThat(result.status().value()).isEqualTo("deliberating");
        assertThat(result.status().isKnown()).isFalse();
        assertThat(result.activity()).isInstanceOfSatisfying(Activity.Unknown.class, a -> {
            assertThat(a.type()).isEqualTo("summarize");
            assertThat(a.expertKey()).isEqualTo("main");
            assertThat(a.json().get("words").asInt()).isEqualTo(120);
            assertThat(a.json().get("text").asText()).isEqualTo("Review the pull request description");
        });
    }

    // ---------------------------------------------------------------- client-side validation

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("secret name with a dash", c -> c.env().secrets().get("MY-SECRET"), "name"),
                invalid("secret name starting with a digit",
                        c -> c.env().secrets().create(CreateSecretInput.builder().name("1PASSWORD").value("hunter2").build()),
                        "name"),
                invalid("variable name with a space",
                        c -> c.env().variables().create(CreateVariableInput.builder().name("MY VAR").value("x").build()),
                        "name"),
                invalid("take of 0", c -> c.applications().list(ListApplicationsParams.builder().take(0).build()), "take"),
                invalid("take over 100", c -> c.jobs().list(ListJobsParams.builder().take(101).build()), "take"),
                invalid("unknown sort", c -> c.applications().list(ListApplicationsParams.builder().sort("color").build()),
                        "sort"),
                invalid("filter on an unknown field", c -> c.jobs().list(ListJobsParams.builder().filter("owner:me").build()),
                        "filter"),
                invalid("blank job id", c -> c.jobs().get("   "), "id"),
                invalid("empty application id", c -> c.applications().delete(""), "id"),
                invalid("dot-dot id", c -> c.applications().get(".."), "id"),
                invalid("blank checkpoint id", c -> c.jobs().checkpoints().get("lkh5dnsipzz5fk2z9ri19r0w", " "),
                        "checkpointId"),
                invalid("scope without @", c -> c.experts().publish("my-org/writer"), "scopeName"),
                invalid("scope with capitals", c -> c.experts().drafts().list("@My-Org/writer"), "scopeName"),
                invalid("key without a scope", c -> c.experts().get("writer"), "key"),
                invalid("yank without a version", c -> c.experts().yank("@my-org/writer"), "key"),
                invalid("yank of a tag", c -> c.experts().yank("@my-org/writer@latest"), "key"),
                invalid("version that is not semver",
                        c -> c.experts().drafts().assignVersion("@my-org/writer", "t4wj99ibag7i1mnbqns6puq8",
                                AssignVersionInput.of("1.2")), "version"),
                invalid("job without query or files",
                        c -> c.jobs().start(StartJobInput.builder().applicationId(APP_ID).expertKey("@acme/reviewer")
                                .provider(Provider.MOCK).build()), "query"));
    }

    private static Arguments invalid(String name, Function<PerstackClient, ApiResult<?>> call, String field) {
        return Arguments.of(named(name, call), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalidInputNeverReachesTheServer(Function<PerstackClient, ApiResult<?>> call, String field) {
        ApiResult<?> result = call.apply(client);

        ApiError error = result.error();
        assertThat(error.code()).isZero();
        assertThat(error.aborted()).isFalse();
        assertThat(error.reason()).isInstanceOfSatisfying(Map.class, reason -> assertThat(reason).containsKey(field));
        assertThat(error.message()).contains(field);
        assertThatThrownBy(result::orElseThrow).isInstanceOf(ValidationException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void invalidInputToAnAsyncCallCompletesAtOnce() {
        CompletableFuture<ApiResult<ApplicationResponse>> future = client.async().applications().get("");

        assertThat(future).isCompleted();
        assertThat(future.join().error().reason()).isEqualTo(Map.of("id", "is required"));
        assertThat(server.requests()).isEmpty();
    }

    // ---------------------------------------------------------------- retries

    @Nested
    class Retries {
        @Test
        void aRetriedPostKeepsItsIdempotencyKey() {
            server.enqueue(Reply.error(503, "Service Unavailable", "\"restarting\""));
            server.enqueue(Reply.json(201, item("application", APPLICATION)));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                ApiResult<ApplicationResponse> result = retrying.applications()
                        .create(CreateApplicationInput.builder().name("Support desk").build());

                assertThat(result.ok()).as("%s", result).isTrue();
                List<Request> attempts = server.requests();
                assertThat(attempts).hasSize(2);
                String key = attempts.get(0).header("Idempotency-Key");
                assertThat(key).isNotBlank();
                assertThat(attempts.get(1).header("Idempotency-Key")).isEqualTo(key);
                assertThat(attempts.get(1).json()).isEqualTo(attempts.get(0).json());
            }
        }

        @Test
        void retryAfterIsHonoured() {
            server.enqueue(Reply.error(503, "Service Unavailable", "\"busy\"").withHeader("Retry-After", "1"));
            server.enqueue(Reply.json(200, item("application", APPLICATION)));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                ApiResult<ApplicationResponse> result = retrying.applications().get(APP_ID);

                assertThat(result.ok()).as("%s", result).isTrue();
                List<Request> attempts = server.requests();
                assertThat(attempts).hasSize(2);
                // Without Retry-After the first backoff is at most 0.5 s.
                Duration gap = Duration.ofNanos(attempts.get(1).receivedAt() - attempts.get(0).receivedAt());
                assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            }
        }

        @Test
        void rateLimitedCallsAreRetried() {
            server.enqueue(Reply.error(429, "Too Many Requests", "\"slow down\"").withHeader("Retry-After", "0"));
            server.enqueue(Reply.json(200, item("application", APPLICATION)));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                assertThat(retrying.applications().get(APP_ID).ok()).isTrue();
                assertThat(server.requests()).hasSize(2);
            }
        }

        @Test
        void notFoundIsNotRetried() {
            server.enqueue(Reply.error(404, "Not Found", "\"no such application\""));
            server.enqueue(Reply.json(200, item("application", APPLICATION)));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                ApiResult<ApplicationResponse> result = retrying.applications().get(APP_ID);

                assertThat(result.error().code()).isEqualTo(404);
                assertThat(server.requests()).hasSize(1);
            }
        }

        @Test
        void conflictOnAPostIsNotRetried() {
            server.enqueue(Reply.error(409, "Conflict", "\"version 1.2.0 already exists\""));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                ApiResult<?> result = retrying.experts().drafts()
                        .assignVersion("@my-org/writer", "t4wj99ibag7i1mnbqns6puq8", AssignVersionInput.of("1.2.0"));

                assertThat(result.error().code()).isEqualTo(409);
                assertThat(server.requests()).hasSize(1);
            }
        }

        @Test
        void aConflictThatSaysWhenToTryAgainIsRetriedWithTheSameKey() {
            // the server is still processing an earlier attempt with this Idempotency-Key
            server.enqueue(Reply.error(409, "Conflict", "\"a request with this Idempotency-Key is still being processed\"")
                    .withHeader("Retry-After", "0"));
            server.enqueue(Reply.json(201, item("application", APPLICATION)));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                ApiResult<ApplicationResponse> result = retrying.applications()
                        .create(CreateApplicationInput.builder().name("Support desk").build());

                assertThat(result.ok()).as("%s", result).isTrue();
                List<Request> attempts = server.requests();
                assertThat(attempts).hasSize(2);
                assertThat(attempts.get(1).header("Idempotency-Key")).isEqualTo(attempts.get(0).header("Idempotency-Key"));
            }
        }

        @Test
        void aPerCallRetryBudgetOverridesTheClients() {
            server.enqueue(Reply.error(503, "Service Unavailable", "\"restarting\""));
            server.enqueue(Reply.json(200, item("application", APPLICATION)));
            try (PerstackClient retrying = clientFor(server.baseUrl()).maxRetries(2).build()) {
                ApiResult<ApplicationResponse> result = retrying.applications()
                        .get(APP_ID, RequestOptions.builder().maxRetries(0).build());

                assertThat(result.error().code()).isEqualTo(503);
                assertThat(result.error().message()).isEqualTo("restarting");
                assertThatThrownBy(result::orElseThrow).isInstanceOf(ServerException.class);
                assertThat(server.requests()).hasSize(1);
            }
        }
    }

    // ---------------------------------------------------------------- secrecy

    @Test
    void theApiKeyNeverShows() throws IOException {
        assertThat(client.toString()).doesNotContain(API_KEY).contains("****");
        assertThat(client.config().toString()).doesNotContain(API_KEY).contains("****");

        List<ApiResult<?>> failures = new ArrayList<>();
        server.enqueue(Reply.error(401, "Unauthorized", "\"unknown API key\""));
        failures.add(getApplication());
        server.enqueue(Reply.json(200, "{\"data\": {}}"));
        failures.add(getApplication());
        failures.add(client.experts().yank("@my-org/writer"));
        server.enqueue(Reply.json(200, item("application", APPLICATION)).after(Duration.ofSeconds(3)));
        failures.add(client.applications().get(APP_ID, RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (PerstackClient offline = clientFor("http://127.0.0.1:" + port).maxRetries(0).build()) {
            failures.add(offline.applications().get(APP_ID));
            assertThat(offline.toString()).doesNotContain(API_KEY);
        }

        assertThat(failures).hasSize(5).allSatisfy(result -> {
            assertThat(result.ok()).isFalse();
            assertThat(result.error().toString()).doesNotContain(API_KEY);
            assertThatThrownBy(result::orElseThrow).satisfies(e -> {
                assertThat(e.getMessage()).doesNotContain(API_KEY);
                assertThat(e.toString()).doesNotContain(API_KEY);
            });
        });
    }

    @Test
    void aSecretValueNeverShowsInErrorsOrInputs() {
        String value = "sk-ant-api03-very-secret-value";
        CreateSecretInput input = CreateSecretInput.builder().name("BAD-NAME").value(value).build();

        ApiResult<?> result = client.env().secrets().create(input);

        assertThat(input.toString()).doesNotContain(value);
        assertThat(result.error().toString()).doesNotContain(value);
        assertThatThrownBy(result::orElseThrow).satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
        assertThat(server.requests()).isEmpty();
    }
}
