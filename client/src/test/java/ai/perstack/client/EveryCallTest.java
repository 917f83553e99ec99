package ai.perstack.client;

import ai.perstack.client.applications.ApplicationStatus;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.applications.UpdateApplicationInput;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.env.UpdateSecretInput;
import ai.perstack.client.env.UpdateVariableInput;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertCategory;
import ai.perstack.client.experts.ListDraftsParams;
import ai.perstack.client.experts.ListExpertsParams;
import ai.perstack.client.experts.Skill;
import ai.perstack.client.experts.SkillTool;
import ai.perstack.client.experts.UpdateDraftInput;
import ai.perstack.client.experts.Visibility;
import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.ToolCall;
import ai.perstack.client.jobs.CheckpointStatus;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.ContinueJobInput;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.ListCheckpointsParams;
import ai.perstack.client.jobs.ListJobsParams;
import ai.perstack.client.jobs.Provider;
import ai.perstack.client.jobs.ReasoningBudget;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.client.jobs.UpdateJobInput;
import ai.perstack.client.support.RecordingServer;
import ai.perstack.client.support.RecordingServer.Reply;
import ai.perstack.client.support.RecordingServer.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static ai.perstack.client.support.Fixtures.APPLICATION;
import static ai.perstack.client.support.Fixtures.APPLICATION_INACTIVE;
import static ai.perstack.client.support.Fixtures.CHECKPOINT_INTERACTIVE;
import static ai.perstack.client.support.Fixtures.CHECKPOINT_QUERY;
import static ai.perstack.client.support.Fixtures.CHECKPOINT_WORK;
import static ai.perstack.client.support.Fixtures.DEFINITION;
import static ai.perstack.client.support.Fixtures.DRAFT;
import static ai.perstack.client.support.Fixtures.EXPERT_MAIN;
import static ai.perstack.client.support.Fixtures.EXPERT_SUMMARIZER;
import static ai.perstack.client.support.Fixtures.JOB_COMPLETED;
import static ai.perstack.client.support.Fixtures.JOB_FAILED;
import static ai.perstack.client.support.Fixtures.JOB_QUEUED;
import static ai.perstack.client.support.Fixtures.SCOPE_PRIVATE;
import static ai.perstack.client.support.Fixtures.SCOPE_PUBLIC;
import static ai.perstack.client.support.Fixtures.SECRET;
import static ai.perstack.client.support.Fixtures.VARIABLE;
import static ai.perstack.client.support.Fixtures.VERSION_LATEST;
import static ai.perstack.client.support.Fixtures.VERSION_STABLE;
import static ai.perstack.client.support.Fixtures.VERSION_YANKED;
import static ai.perstack.client.support.Fixtures.item;
import static ai.perstack.client.support.Fixtures.json;
import static ai.perstack.client.support.Fixtures.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call of the client against a real HTTP server: the request it sends (method, raw path,
 * query, JSON body, headers) and the typed result it makes of a realistic response. Each case
 * runs twice, through the overload without {@link RequestOptions} and through the one with them;
 * a selection also runs through the asynchronous twins.
 */
class EveryCallTest {
    private static final String API_KEY = "pk_test_7Hc2mQ9xVb4LwT6sZr1N";
    private static final String USER_AGENT = "perstack-java/\\S+ Java/\\d+(\\.\\d+)*";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final RequestOptions OPTIONS = RequestOptions.builder()
            .header("X-Request-Id", "req-42").timeout(Duration.ofSeconds(10)).build();

    private static final String APP_ID = "v81u33xtplpft75v2seh60kv";
    private static final String JOB_ID = "lkh5dnsipzz5fk2z9ri19r0w";
    private static final String DRAFT_ID = "t4wj99ibag7i1mnbqns6puq8";
    private static final String SCOPE = "@my-org/writer";

    private static RecordingServer server;
    private static PerstackClient client;

    @BeforeAll
    static void start() {
        server = RecordingServer.start();
        client = PerstackClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
                .timeout(Duration.ofSeconds(10)).maxRetries(0).build();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void withoutRequestOptions(Case<?> call) {
        exercise(call, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void withRequestOptions(Case<?> call) {
        exercise(call, OPTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asyncCalls")
    void asyncTwinWithoutRequestOptions(Case<?> call) {
        exercise(call, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("asyncCalls")
    void asyncTwinWithRequestOptions(Case<?> call) {
        exercise(call, OPTIONS);
    }

    @Test
    void theTableCoversEveryRequestResponseCall() {
        Set<String> covered = calls().map(c -> c.name.replaceFirst(" \\(.*\\)$", "")).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrder(
                "applications.list", "applications.get", "applications.create", "applications.update", "applications.delete",
                "env.secrets.list", "env.secrets.get", "env.secrets.create", "env.secrets.update", "env.secrets.delete",
                "env.variables.list", "env.variables.get", "env.variables.create", "env.variables.update",
                "env.variables.delete",
                "jobs.list", "jobs.get", "jobs.start", "jobs.update", "jobs.continueJob", "jobs.cancel",
                "jobs.checkpoints.list", "jobs.checkpoints.get",
                "experts.list", "experts.get", "experts.getMeta", "experts.publish", "experts.unpublish", "experts.yank",
                "experts.drafts.list", "experts.drafts.get", "experts.drafts.create", "experts.drafts.update",
                "experts.drafts.delete", "experts.drafts.assignVersion",
                "experts.versions.list");
        // The 37th call, jobs.checkpoints.stream, is checked by checkpointStreamRequest below.
    }

    @Test
    void checkpointStreamRequest() {
        String events = "event: checkpoint\nid: 1\ndata: " + CHECKPOINT_QUERY.replace("\n", " ") + "\n\n"
                + "event: done\ndata: {\"status\":\"completed\"}\n\n";
        server.enqueue(Reply.text(200, "text/event-stream", events).withHeader("Cache-Control", "no-cache"));

        List<ApiResult<Checkpoint>> results = new ArrayList<>();
        try (CheckpointStream stream = client.jobs().checkpoints().stream(JOB_ID)) {
            stream.forEach(results::add);
            assertThat(stream.doneStatus()).contains(JobStatus.COMPLETED);
        }

        assertThat(results).hasSize(1);
        assertThat(results.get(0).data().sequence()).isEqualTo(1);
        Request request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/api/v1/jobs/" + JOB_ID + "/checkpoints/stream");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("Accept")).isEqualTo("text/event-stream");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.header("User-Agent")).matches(USER_AGENT);
        assertThat(request.header("Last-Event-ID")).isNull();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void aCallersIdempotencyKeyIsSentAsGiven() {
        server.enqueue(Reply.json(201, item("application", APPLICATION)));
        RequestOptions options = RequestOptions.builder().header("Idempotency-Key", "create-support-desk-1").build();

        ApiResult<?> result = client.applications().create(CreateApplicationInput.builder().name("Support desk").build(), options);

        assertThat(result.ok()).isTrue();
        assertThat(server.onlyRequest().header("Idempotency-Key")).isEqualTo("create-support-desk-1");
    }

    @Test
    void aCallersIdempotencyKeyIsSentOnceWhateverTheSpellingOfItsName() {
        server.enqueue(Reply.json(201, item("application", APPLICATION)));
        RequestOptions options = RequestOptions.builder().header("idempotency-key", "create-support-desk-2").build();

        client.applications().create(CreateApplicationInput.builder().name("Support desk").build(), options);

        // header() fails when the header was sent more than once.
        assertThat(server.onlyRequest().header("Idempotency-Key")).isEqualTo("create-support-desk-2");
    }

    @Test
    void eachPostGetsItsOwnIdempotencyKey() {
        server.enqueue(Reply.json(201, item("application", APPLICATION)));
        server.enqueue(Reply.json(201, item("application", APPLICATION)));
        CreateApplicationInput input = CreateApplicationInput.builder().name("Support desk").build();

        client.applications().create(input);
        client.applications().create(input);

        List<Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("Idempotency-Key")).isNotEqualTo(requests.get(1).header("Idempotency-Key"));
    }

    // ---------------------------------------------------------------- the runner

    private <T> void exercise(Case<T> call, RequestOptions options) {
        server.enqueue(call.reply);

        ApiResult<T> result = call.invoke.apply(client, options);

        assertThat(result.ok()).as("result of %s: %s", call.name, result).isTrue();
        Request request = server.onlyRequest();
        assertThat(request.method()).as("method").isEqualTo(call.method);
        assertThat(request.rawPath()).as("raw path").isEqualTo(call.path);
        assertThat(request.rawQuery()).as("raw query").isEqualTo(call.query);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).matches(USER_AGENT);
        assertThat(request.header("X-Request-Id")).isEqualTo(options == null ? null : "req-42");
        if (call.body == null) {
            assertThat(request.body()).as("body").isEmpty();
            assertThat(request.header("Content-Type")).isNull();
        } else {
            assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
            assertThat(request.json()).as("body").isEqualTo(json(call.body));
        }
        if (call.method.equals("POST")) {
            assertThat(request.header("Idempotency-Key")).as("Idempotency-Key").matches(UUID);
        } else {
            assertThat(request.header("Idempotency-Key")).as("Idempotency-Key").isNull();
        }
        call.check.accept(result.data());
    }

    /** One call: how to make it, the reply to give, the request to expect and what to check of the result. */
    static final class Case<T> {
        final String name;
        /** Makes the call; {@code options} is null for the overload without options. */
        final BiFunction<PerstackClient, RequestOptions, ApiResult<T>> invoke;
        Reply reply;
        String method;
        String path;
        String query;
        String body;
        Consumer<T> check = result -> { };

        Case(String name, BiFunction<PerstackClient, RequestOptions, ApiResult<T>> invoke) {
            this.name = name;
            this.invoke = invoke;
        }

        Case<T> answers(int status, String json) {
            this.reply = Reply.json(status, json);
            return this;
        }

        Case<T> sends(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        Case<T> query(String rawQuery) {
            this.query = rawQuery;
            return this;
        }

        Case<T> body(String json) {
            this.body = json;
            return this;
        }

        Case<T> then(Consumer<T> check) {
            this.check = check;
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static <T> Case<T> call(String name, BiFunction<PerstackClient, RequestOptions, ApiResult<T>> invoke) {
        return new Case<>(name, invoke);
    }

    static <T> ApiResult<T> await(CompletableFuture<ApiResult<T>> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("an async call must never complete exceptionally", e);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    // ---------------------------------------------------------------- the inputs

    private static final Expert MAIN = Expert.builder().key("main").name("writer").description("Writes release notes")
            .instruction("Write release notes for the changes you are given.")
            .skill("ask-user", Skill.interactive("Ask the user a question", Map.of("askUser",
                    SkillTool.of("Ask the user and wait for the answer", json(
                            "{\"type\": \"object\", \"properties\": {\"question\": {\"type\": \"string\"}},"
                                    + " \"required\": [\"question\"]}")))))
            .delegate("summarizer").build();
    private static final Expert SUMMARIZER = Expert.builder().key("summarizer").name("summarizer")
            .instruction("Summarize what you are given in three sentences.").noSkills().build();

    private static final ListApplicationsParams APP_PAGE = ListApplicationsParams.builder()
            .name("Support desk").sort("name").order("asc").take(10).skip(20).build();
    private static final CreateApplicationInput NEW_APP = CreateApplicationInput.builder()
            .name("Support desk").applicationGroupId("av932byv7s6ehogfqrclri1q").build();
    private static final UpdateApplicationInput RENAME_APP = UpdateApplicationInput.builder()
            .name("Help desk").status("inactive").build();
    private static final ListJobsParams JOB_PAGE = ListJobsParams.builder()
            .take(5).skip(0).sort("updatedAt").order("desc").filter("status:running applicationId:abc").build();
    private static final StartJobInput START = StartJobInput.builder().applicationId(APP_ID)
            .expertKey("@acme/reviewer@1.2.0").query("Help me with this task").addFile("notes/design.md")
            .provider(Provider.ANTHROPIC).model("claude-sonnet-4-20250514").reasoningBudget(ReasoningBudget.MEDIUM)
            .maxSteps(50).maxRetries(3).build();
    private static final ContinueJobInput ANSWER = ContinueJobInput.builder().query("Use the main branch")
            .interactiveToolCallResult(true).maxSteps(10).build();
    private static final ListCheckpointsParams CHECKPOINT_PAGE = ListCheckpointsParams.builder()
            .take(2).skip(0).sort("sequence").order("asc").build();
    private static final ListExpertsParams EXPERT_PAGE = ListExpertsParams.builder().filter("release notes")
            .category(ExpertCategory.WRITING).includeDrafts(true).limit(50).offset(10).build();
    private static final CreateDraftInput NEW_DRAFT = CreateDraftInput.builder().applicationId(APP_ID)
            .addExpert(MAIN).addExpert(SUMMARIZER).category("writing").description("Writes release notes").build();

    private static final String SECOND_SECRET = """
            {"name": "OPENAI_API_KEY", "createdAt": "2025-01-11T08:00:00.000Z", "updatedAt": "2025-01-11T08:00:00.000Z"}""";

    // ---------------------------------------------------------------- the table

    static Stream<Case<?>> calls() {
        return Stream.of(
                // applications
                call("applications.list",
                        (c, o) -> o == null ? c.applications().list(APP_PAGE) : c.applications().list(APP_PAGE, o))
                        .answers(200, list("applications", "{\"total\": 22, \"take\": 10, \"skip\": 20}",
                                APPLICATION, APPLICATION_INACTIVE))
                        .sends("GET", "/api/v1/applications")
                        .query("name=Support%20desk&sort=name&order=asc&take=10&skip=20")
                        .then(r -> {
                            assertThat(r.data().applications()).hasSize(2);
                            assertThat(r.data().applications().get(0).name()).isEqualTo("Support desk");
                            assertThat(r.data().applications().get(0).status()).isEqualTo(ApplicationStatus.ACTIVE);
                            assertThat(r.data().applications().get(0).applicationGroupId()).contains("av932byv7s6ehogfqrclri1q");
                            assertThat(r.data().applications().get(1).applicationGroupId()).isEmpty();
                            assertThat(r.data().applications().get(1).status().known())
                                    .contains(ApplicationStatus.Known.INACTIVE);
                            assertThat(r.meta().total()).isEqualTo(22);
                            assertThat(r.meta().take()).isEqualTo(OptionalInt.of(10));
                            assertThat(r.meta().skip()).isEqualTo(OptionalInt.of(20));
                            assertThat(r.meta().limit()).isEmpty();
                        }),
                call("applications.list (server defaults)",
                        (c, o) -> o == null ? c.applications().list() : c.applications().list(null, o))
                        .answers(200, list("applications", "{\"total\": 0, \"take\": 20, \"skip\": 0}"))
                        .sends("GET", "/api/v1/applications")
                        .then(r -> {
                            assertThat(r.data().applications()).isEmpty();
                            assertThat(r.meta().total()).isZero();
                        }),
                call("applications.get",
                        (c, o) -> o == null ? c.applications().get("a b/c") : c.applications().get("a b/c", o))
                        .answers(200, item("application", APPLICATION))
                        .sends("GET", "/api/v1/applications/a%20b%2Fc")
                        .then(r -> {
                            assertThat(r.data().application().id()).isEqualTo(APP_ID);
                            assertThat(r.data().application().organizationId()).isEqualTo("kjzde8gxd6ncf10epf91dhod");
                            assertThat(r.data().application().createdAt()).isEqualTo(Instant.parse("2025-01-15T09:30:00Z"));
                        }),
                call("applications.create",
                        (c, o) -> o == null ? c.applications().create(NEW_APP) : c.applications().create(NEW_APP, o))
                        .answers(201, item("application", APPLICATION))
                        .sends("POST", "/api/v1/applications")
                        .body("{\"name\": \"Support desk\", \"applicationGroupId\": \"av932byv7s6ehogfqrclri1q\"}")
                        .then(r -> {
                            assertThat(r.data().application().status()).isEqualTo(ApplicationStatus.ACTIVE);
                            assertThat(r.data().application().applicationGroupId()).contains("av932byv7s6ehogfqrclri1q");
                        }),
                call("applications.update",
                        (c, o) -> o == null ? c.applications().update("a b/c", RENAME_APP)
                                : c.applications().update("a b/c", RENAME_APP, o))
                        .answers(200, item("application", APPLICATION_INACTIVE))
                        .sends("POST", "/api/v1/applications/a%20b%2Fc")
                        .body("{\"name\": \"Help desk\", \"status\": \"inactive\"}")
                        .then(r -> {
                            assertThat(r.data().application().name()).isEqualTo("Help desk");
                            assertThat(r.data().application().status()).isEqualTo(ApplicationStatus.INACTIVE);
                            assertThat(r.data().application().updatedAt()).isEqualTo(Instant.parse("2025-01-16T10:00:00.500Z"));
                        }),
                call("applications.delete",
                        (c, o) -> o == null ? c.applications().delete("a b/c") : c.applications().delete("a b/c", o))
                        .answers(200, item("application", APPLICATION))
                        .sends("DELETE", "/api/v1/applications/a%20b%2Fc")
                        .then(r -> assertThat(r.data().application().name()).isEqualTo("Support desk")),

                // env.secrets
                call("env.secrets.list",
                        (c, o) -> o == null ? c.env().secrets().list() : c.env().secrets().list(o))
                        .answers(200, list("secrets", "{\"total\": 2}", SECRET, SECOND_SECRET))
                        .sends("GET", "/api/v1/env/secrets")
                        .then(r -> {
                            assertThat(r.data().secrets()).extracting(s -> s.name())
                                    .containsExactly("ANTHROPIC_API_KEY", "OPENAI_API_KEY");
                            assertThat(r.meta()).hasValueSatisfying(m -> {
                                assertThat(m.total()).isEqualTo(2);
                                assertThat(m.take()).isEmpty();
                            });
                        }),
                call("env.secrets.get",
                        (c, o) -> o == null ? c.env().secrets().get("ANTHROPIC_API_KEY")
                                : c.env().secrets().get("ANTHROPIC_API_KEY", o))
                        .answers(200, item("secret", SECRET))
                        .sends("GET", "/api/v1/env/secrets/ANTHROPIC_API_KEY")
                        .then(r -> {
                            assertThat(r.data().secret().name()).isEqualTo("ANTHROPIC_API_KEY");
                            assertThat(r.data().secret().updatedAt()).isEqualTo(Instant.parse("2025-01-12T08:00:00Z"));
                        }),
                call("env.secrets.create",
                        (c, o) -> {
                            CreateSecretInput input = CreateSecretInput.builder().name("ANTHROPIC_API_KEY")
                                    .value("sk-ant-api03-test").build();
                            return o == null ? c.env().secrets().create(input) : c.env().secrets().create(input, o);
                        })
                        .answers(201, item("secret", SECRET))
                        .sends("POST", "/api/v1/env/secrets")
                        .body("{\"name\": \"ANTHROPIC_API_KEY\", \"value\": \"sk-ant-api03-test\"}")
                        .then(r -> assertThat(r.data().secret().createdAt()).isEqualTo(Instant.parse("2025-01-10T08:00:00Z"))),
                call("env.secrets.update",
                        (c, o) -> o == null ? c.env().secrets().update("ANTHROPIC_API_KEY", UpdateSecretInput.of("sk-rotated"))
                                : c.env().secrets().update("ANTHROPIC_API_KEY", UpdateSecretInput.of("sk-rotated"), o))
                        .answers(200, item("secret", SECRET))
                        .sends("POST", "/api/v1/env/secrets/ANTHROPIC_API_KEY")
                        .body("{\"value\": \"sk-rotated\"}")
                        .then(r -> assertThat(r.data().secret().name()).isEqualTo("ANTHROPIC_API_KEY")),
                call("env.secrets.delete",
                        (c, o) -> o == null ? c.env().secrets().delete("ANTHROPIC_API_KEY")
                                : c.env().secrets().delete("ANTHROPIC_API_KEY", o))
                        .answers(200, item("secret", SECRET))
                        .sends("DELETE", "/api/v1/env/secrets/ANTHROPIC_API_KEY")
                        .then(r -> assertThat(r.data().secret().name()).isEqualTo("ANTHROPIC_API_KEY")),

                // env.variables
                call("env.variables.list",
                        (c, o) -> o == null ? c.env().variables().list() : c.env().variables().list(o))
                        .answers(200, list("variables", "{\"total\": 1}", VARIABLE))
                        .sends("GET", "/api/v1/env/variables")
                        .then(r -> {
                            assertThat(r.data().variables()).singleElement()
                                    .satisfies(v -> assertThat(v.value()).isEqualTo("eu-west-1"));
                            assertThat(r.meta()).hasValueSatisfying(m -> assertThat(m.total()).isEqualTo(1));
                        }),
                call("env.variables.get",
                        (c, o) -> o == null ? c.env().variables().get("REGION") : c.env().variables().get("REGION", o))
                        .answers(200, item("variable", VARIABLE))
                        .sends("GET", "/api/v1/env/variables/REGION")
                        .then(r -> {
                            assertThat(r.data().variable().name()).isEqualTo("REGION");
                            assertThat(r.data().variable().value()).isEqualTo("eu-west-1");
                        }),
                call("env.variables.create",
                        (c, o) -> {
                            CreateVariableInput input = CreateVariableInput.builder().name("REGION").value("eu-west-1").build();
                            return o == null ? c.env().variables().create(input) : c.env().variables().create(input, o);
                        })
                        .answers(201, item("variable", VARIABLE))
                        .sends("POST", "/api/v1/env/variables")
                        .body("{\"name\": \"REGION\", \"value\": \"eu-west-1\"}")
                        .then(r -> assertThat(r.data().variable().value()).isEqualTo("eu-west-1")),
                call("env.variables.update",
                        (c, o) -> o == null ? c.env().variables().update("REGION", UpdateVariableInput.of("eu-central-1"))
                                : c.env().variables().update("REGION", UpdateVariableInput.of("eu-central-1"), o))
                        .answers(200, item("variable", VARIABLE.replace("eu-west-1", "eu-central-1")))
                        .sends("POST", "/api/v1/env/variables/REGION")
                        .body("{\"value\": \"eu-central-1\"}")
                        .then(r -> assertThat(r.data().variable().value()).isEqualTo("eu-central-1")),
                call("env.variables.delete",
                        (c, o) -> o == null ? c.env().variables().delete("REGION") : c.env().variables().delete("REGION", o))
                        .answers(200, item("variable", VARIABLE))
                        .sends("DELETE", "/api/v1/env/variables/REGION")
                        .then(r -> assertThat(r.data().variable().name()).isEqualTo("REGION")),

                // jobs
                call("jobs.list", (c, o) -> o == null ? c.jobs().list(JOB_PAGE) : c.jobs().list(JOB_PAGE, o))
                        .answers(200, list("jobs", "{\"total\": 2, \"take\": 5, \"skip\": 0}", JOB_QUEUED, JOB_FAILED))
                        .sends("GET", "/api/v1/jobs")
                        .query("take=5&skip=0&sort=updatedAt&order=desc&filter=status%3Arunning%20applicationId%3Aabc")
                        .then(r -> {
                            assertThat(r.data().jobs()).extracting(j -> j.status())
                                    .containsExactly(JobStatus.QUEUED, JobStatus.STOPPED_BY_ERROR);
                            assertThat(r.data().jobs().get(0).error()).isEmpty();
                            assertThat(r.data().jobs().get(1).error()).hasValueSatisfying(e -> {
                                assertThat(e.name()).isEqualTo("ProviderError");
                                assertThat(e.message()).isEqualTo("rate limited");
                                assertThat(e.isRetryable()).isTrue();
                            });
                            assertThat(r.data().jobs().get(1).provider()).isEqualTo(Provider.OPENAI);
                            assertThat(r.meta().total()).isEqualTo(2);
                            assertThat(r.meta().take()).isEqualTo(OptionalInt.of(5));
                        }),
                call("jobs.list (server defaults)", (c, o) -> o == null ? c.jobs().list() : c.jobs().list(null, o))
                        .answers(200, list("jobs", "{\"total\": 0, \"take\": 20, \"skip\": 0}"))
                        .sends("GET", "/api/v1/jobs")
                        .then(r -> assertThat(r.data().jobs()).isEmpty()),
                call("jobs.get", (c, o) -> o == null ? c.jobs().get(JOB_ID) : c.jobs().get(JOB_ID, o))
                        .answers(200, item("job", JOB_COMPLETED))
                        .sends("GET", "/api/v1/jobs/" + JOB_ID)
                        .then(r -> {
                            var job = r.data().job();
                            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
                            assertThat(job.status().isFinal()).isTrue();
                            assertThat(job.provider().known()).contains(Provider.Known.ANTHROPIC);
                            assertThat(job.model()).contains("claude-sonnet-4-20250514");
                            assertThat(job.reasoningBudget()).isEqualTo(ReasoningBudget.MEDIUM);
                            assertThat(job.files()).containsExactly("notes/design.md");
                            assertThat(job.result()).contains("Done: Help me with this task");
                            assertThat(job.totalSteps()).isEqualTo(3);
                            assertThat(job.usage().totalTokens()).isEqualTo(50);
                            assertThat(job.usage().cachedInputTokens()).isEqualTo(9);
                            assertThat(job.startedAt()).contains(Instant.parse("2025-01-15T09:30:00.120Z"));
                            assertThat(job.finishedAt()).contains(Instant.parse("2025-01-15T09:30:00.480Z"));
                        }),
                call("jobs.start", (c, o) -> o == null ? c.jobs().start(START) : c.jobs().start(START, o))
                        .answers(201, item("job", JOB_QUEUED))
                        .sends("POST", "/api/v1/jobs")
                        .body("""
                                {"applicationId": "v81u33xtplpft75v2seh60kv", "expertKey": "@acme/reviewer@1.2.0",
                                 "query": "Help me with this task", "files": ["notes/design.md"], "provider": "anthropic",
                                 "model": "claude-sonnet-4-20250514", "reasoningBudget": "medium", "maxSteps": 50,
                                 "maxRetries": 3}""")
                        .then(r -> {
                            var job = r.data().job();
                            assertThat(job.id()).isEqualTo(JOB_ID);
                            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
                            assertThat(job.status().isFinal()).isFalse();
                            assertThat(job.resolvedExpertKey()).isEqualTo("@acme/reviewer@1.2.0");
                            assertThat(job.provider()).isEqualTo(Provider.MOCK);
                            assertThat(job.files()).isEmpty();
                            assertThat(job.model()).isEmpty();
                            assertThat(job.result()).isEmpty();
                            assertThat(job.startedAt()).isEmpty();
                            assertThat(job.maxSteps()).isEqualTo(100);
                        }),
                call("jobs.update", (c, o) -> o == null ? c.jobs().update(JOB_ID, UpdateJobInput.pause())
                        : c.jobs().update(JOB_ID, UpdateJobInput.pause(), o))
                        .answers(200, item("job", JOB_QUEUED.replace("\"queued\"", "\"paused\"")))
                        .sends("POST", "/api/v1/jobs/" + JOB_ID)
                        .body("{\"status\": \"paused\"}")
                        .then(r -> assertThat(r.data().job().status()).isEqualTo(JobStatus.PAUSED)),
                call("jobs.continueJob", (c, o) -> o == null ? c.jobs().continueJob(JOB_ID, ANSWER)
                        : c.jobs().continueJob(JOB_ID, ANSWER, o))
                        .answers(200, item("job", JOB_QUEUED))
                        .sends("POST", "/api/v1/jobs/" + JOB_ID + "/continue")
                        .body("{\"query\": \"Use the main branch\", \"interactiveToolCallResult\": true, \"maxSteps\": 10}")
                        .then(r -> assertThat(r.data().job().status()).isEqualTo(JobStatus.QUEUED)),
                call("jobs.cancel", (c, o) -> o == null ? c.jobs().cancel("job#1") : c.jobs().cancel("job#1", o))
                        .answers(200, item("job", JOB_QUEUED.replace("\"queued\"", "\"canceled\"")))
                        .sends("POST", "/api/v1/jobs/job%231/cancel")
                        .body("{}")
                        .then(r -> assertThat(r.data().job().status().known()).contains(JobStatus.Known.CANCELED)),

                // jobs.checkpoints
                call("jobs.checkpoints.list", (c, o) -> o == null ? c.jobs().checkpoints().list(JOB_ID, CHECKPOINT_PAGE)
                        : c.jobs().checkpoints().list(JOB_ID, CHECKPOINT_PAGE, o))
                        .answers(200, list("checkpoints", "{\"total\": 3, \"take\": 2, \"skip\": 0}",
                                CHECKPOINT_QUERY, CHECKPOINT_WORK))
                        .sends("GET", "/api/v1/jobs/" + JOB_ID + "/checkpoints")
                        .query("take=2&skip=0&sort=sequence&order=asc")
                        .then(r -> {
                            List<Checkpoint> checkpoints = r.data().checkpoints();
                            assertThat(checkpoints).extracting(Checkpoint::sequence).containsExactly(1L, 2L);
                            assertThat(checkpoints.get(0).status()).isEqualTo(CheckpointStatus.INIT);
                            assertThat(checkpoints.get(0).activity()).isInstanceOfSatisfying(Activity.Query.class,
                                    a -> assertThat(a.text()).isEqualTo("Review the pull request description"));
                            assertThat(checkpoints.get(0).contextWindowUsage()).isEmpty();
                            assertThat(checkpoints.get(1).activity()).isInstanceOfSatisfying(Activity.GeneralTool.class, a -> {
                                assertThat(a.toolName()).isEqualTo("work");
                                assertThat(a.result().orElseThrow().get(0).get("text").asText()).startsWith("Working on");
                                assertThat(a.common().previousActivityId()).contains("nidw3706i8j76b2lajlj4h9d");
                            });
                            assertThat(checkpoints.get(1).contextWindowUsage()).isEqualTo(OptionalDouble.of(0.01));
                            assertThat(checkpoints.get(1).contextWindow()).hasValue(3000);
                            assertThat(checkpoints.get(1).usage().totalTokens()).isEqualTo(30);
                            assertThat(checkpoints.get(1).expert().version()).isEqualTo("1.2.0");
                            assertThat(r.meta().total()).isEqualTo(3);
                        }),
                call("jobs.checkpoints.get", (c, o) -> o == null
                        ? c.jobs().checkpoints().get(JOB_ID, "pa4wfhym4l1vfz3zfkkibj3j")
                        : c.jobs().checkpoints().get(JOB_ID, "pa4wfhym4l1vfz3zfkkibj3j", o))
                        .answers(200, item("checkpoint", CHECKPOINT_INTERACTIVE))
                        .sends("GET", "/api/v1/jobs/" + JOB_ID + "/checkpoints/pa4wfhym4l1vfz3zfkkibj3j")
                        .then(r -> {
                            Checkpoint checkpoint = r.data().checkpoint();
                            assertThat(checkpoint.status()).isEqualTo(CheckpointStatus.STOPPED_BY_INTERACTIVE_TOOL);
                            assertThat(checkpoint.finishedAt()).isEmpty();
                            assertThat(checkpoint.startedAt()).isEqualTo(Instant.parse("2025-01-15T09:30:00.300Z"));
                            assertThat(checkpoint.activity()).isInstanceOfSatisfying(Activity.InteractiveTool.class, a -> {
                                assertThat(checkpoint.pendingToolCalls()).extracting(ToolCall::id).containsExactly("call_01");
                                assertThat(checkpoint.partialToolResults()).singleElement().satisfies(t -> {
                                    assertThat(t.id()).isEqualTo("call_00");
                                    assertThat(t.toolName()).isEqualTo("readTextFile");
                                    assertThat(t.result().get(0).get("text").asText()).isEqualTo("main, next");
                                });
                                assertThat(a.args().get("question").asText()).isEqualTo("Which branch?");
                                assertThat(a.reasoning()).isEmpty();
                            });
                        }),

                // experts
                call("experts.list", (c, o) -> o == null ? c.experts().list(EXPERT_PAGE) : c.experts().list(EXPERT_PAGE, o))
                        .answers(200, list("experts", "{\"total\": 12, \"limit\": 50, \"offset\": 10}",
                                SCOPE_PUBLIC, SCOPE_PRIVATE))
                        .sends("GET", "/api/v1/experts")
                        .query("filter=release%20notes&category=writing&includeDrafts=true&limit=50&offset=10")
                        .then(r -> {
                            var published = r.data().experts().get(0);
                            assertThat(published.scopeName()).isEqualTo(SCOPE);
                            assertThat(published.category()).isEqualTo(ExpertCategory.WRITING);
                            assertThat(published.visibility()).isEqualTo(Visibility.PUBLIC);
                            assertThat(published.latestVersion()).contains("1.2.0");
                            assertThat(published.tags()).containsExactly(Map.entry("latest", "1.2.0"), Map.entry("stable", "1.1.0"));
                            var draftOnly = r.data().experts().get(1);
                            assertThat(draftOnly.visibility()).isEqualTo(Visibility.PRIVATE);
                            assertThat(draftOnly.latestVersion()).isEmpty();
                            assertThat(draftOnly.description()).isEmpty();
                            assertThat(draftOnly.tags()).isEmpty();
                            assertThat(r.meta().limit()).isEqualTo(OptionalInt.of(50));
                            assertThat(r.meta().offset()).isEqualTo(OptionalInt.of(10));
                            assertThat(r.meta().take()).isEmpty();
                        }),
                call("experts.get", (c, o) -> o == null ? c.experts().get("@my-org/writer@1.2.0")
                        : c.experts().get("@my-org/writer@1.2.0", o))
                        .answers(200, item("definition", DEFINITION))
                        .sends("GET", "/api/v1/experts/@my-org/writer@1.2.0")
                        .then(r -> {
                            var definition = r.data().definition();
                            assertThat(definition.version()).isEqualTo("1.2.0");
                            assertThat(definition.tag()).contains("latest");
                            assertThat(definition.yanked()).isFalse();
                            assertThat(definition.experts()).extracting(Expert::key).containsExactly("main", "summarizer");
                            Skill askUser = definition.experts().get(0).skills().get("ask-user");
                            assertThat(askUser.isInteractive()).isTrue();
                            assertThat(askUser.tools().get("askUser").inputJsonSchemaNode().get("required").get(0).asText())
                                    .isEqualTo("question");
                            assertThat(definition.experts().get(0).delegates()).containsExactly("summarizer");
                            assertThat(definition.experts().get(1).description()).isEmpty();
                            assertThat(definition.createdAt()).isEqualTo(Instant.parse("2025-01-15T09:00:00Z"));
                        }),
                call("experts.getMeta", (c, o) -> o == null ? c.experts().getMeta("@my-org/writer@beta")
                        : c.experts().getMeta("@my-org/writer@beta", o))
                        .answers(200, """
                                {"data": {"scope": "@my-org/writer", "version": "1.3.0-beta.1", "tag": "beta", "yanked": false,
                                          "visibility": "public", "createdAt": "2025-01-16T09:00:00.000Z"}}""")
                        .sends("GET", "/api/v1/experts/@my-org/writer@beta/meta")
                        .then(r -> {
                            assertThat(r.data().scope()).isEqualTo(SCOPE);
                            assertThat(r.data().version()).isEqualTo("1.3.0-beta.1");
                            assertThat(r.data().tag()).contains("beta");
                            assertThat(r.data().visibility().known()).contains(Visibility.Known.PUBLIC);
                            assertThat(r.data().createdAt()).isEqualTo(Instant.parse("2025-01-16T09:00:00Z"));
                        }),
                call("experts.publish", (c, o) -> o == null ? c.experts().publish(SCOPE) : c.experts().publish(SCOPE, o))
                        .answers(200, item("scope", SCOPE_PUBLIC))
                        .sends("POST", "/api/v1/experts/@my-org/writer/publish")
                        .body("{}")
                        .then(r -> {
                            assertThat(r.data().scope().visibility()).isEqualTo(Visibility.PUBLIC);
                            assertThat(r.data().scope().organizationId()).contains("kjzde8gxd6ncf10epf91dhod");
                        }),
                call("experts.unpublish", (c, o) -> o == null ? c.experts().unpublish(SCOPE) : c.experts().unpublish(SCOPE, o))
                        .answers(200, item("scope", SCOPE_PRIVATE))
                        .sends("POST", "/api/v1/experts/@my-org/writer/unpublish")
                        .body("{}")
                        .then(r -> {
                            assertThat(r.data().scope().visibility()).isEqualTo(Visibility.PRIVATE);
                            assertThat(r.data().scope().category()).isEqualTo(ExpertCategory.GENERAL);
                        }),
                call("experts.yank", (c, o) -> o == null ? c.experts().yank("@my-org/writer@1.2.0")
                        : c.experts().yank("@my-org/writer@1.2.0", o))
                        .answers(200, "{\"data\": {\"yanked\": true, \"latestTagUpdated\": true}}")
                        .sends("POST", "/api/v1/experts/@my-org/writer@1.2.0/yank")
                        .body("{}")
                        .then(r -> {
                            assertThat(r.data().yanked()).isTrue();
                            assertThat(r.data().latestTagUpdated()).isTrue();
                        }),
                call("experts.yank (build metadata)", (c, o) -> o == null ? c.experts().yank("@my-org/writer@1.2.0+build.5")
                        : c.experts().yank("@my-org/writer@1.2.0+build.5", o))
                        .answers(200, "{\"data\": {\"yanked\": true, \"latestTagUpdated\": false}}")
                        .sends("POST", "/api/v1/experts/@my-org/writer@1.2.0%2Bbuild.5/yank")
                        .body("{}")
                        .then(r -> assertThat(r.data().latestTagUpdated()).isFalse()),

                // experts.drafts
                call("experts.drafts.list", (c, o) -> o == null ? c.experts().drafts().list(SCOPE, ListDraftsParams.of(10, 0))
                        : c.experts().drafts().list(SCOPE, ListDraftsParams.of(10, 0), o))
                        .answers(200, list("drafts", "{\"total\": 1, \"limit\": 10, \"offset\": 0}", DRAFT))
                        .sends("GET", "/api/v1/experts/@my-org/writer/drafts")
                        .query("limit=10&offset=0")
                        .then(r -> {
                            assertThat(r.data().drafts()).singleElement()
                                    .satisfies(d -> assertThat(d.id()).isEqualTo(DRAFT_ID));
                            assertThat(r.meta().total()).isEqualTo(1);
                            assertThat(r.meta().limit()).isEqualTo(OptionalInt.of(10));
                        }),
                call("experts.drafts.get", (c, o) -> o == null ? c.experts().drafts().get(SCOPE, DRAFT_ID)
                        : c.experts().drafts().get(SCOPE, DRAFT_ID, o))
                        .answers(200, item("draft", DRAFT))
                        .sends("GET", "/api/v1/experts/@my-org/writer/drafts/" + DRAFT_ID)
                        .then(r -> {
                            assertThat(r.data().draft().scopeName()).isEqualTo(SCOPE);
                            assertThat(r.data().draft().applicationId()).isEqualTo(APP_ID);
                            assertThat(r.data().draft().experts()).hasSize(2);
                            assertThat(r.data().draft().updatedAt()).isEqualTo(Instant.parse("2025-01-10T08:00:00Z"));
                        }),
                call("experts.drafts.create", (c, o) -> o == null ? c.experts().drafts().create(SCOPE, NEW_DRAFT)
                        : c.experts().drafts().create(SCOPE, NEW_DRAFT, o))
                        .answers(201, item("draft", DRAFT))
                        .sends("POST", "/api/v1/experts/@my-org/writer/drafts")
                        .body("{\"applicationId\": \"v81u33xtplpft75v2seh60kv\", \"category\": \"writing\","
                                + " \"description\": \"Writes release notes\", \"experts\": ["
                                + EXPERT_MAIN + ", " + EXPERT_SUMMARIZER + "]}")
                        .then(r -> {
                            var main = r.data().draft().experts().get(0);
                            assertThat(main.name()).isEqualTo("writer");
                            assertThat(main.skills().get("ask-user").tools().get("askUser").description())
                                    .contains("Ask the user and wait for the answer");
                        }),
                call("experts.drafts.update", (c, o) -> o == null
                        ? c.experts().drafts().update(SCOPE, DRAFT_ID, UpdateDraftInput.of(SUMMARIZER))
                        : c.experts().drafts().update(SCOPE, DRAFT_ID, UpdateDraftInput.of(SUMMARIZER), o))
                        .answers(200, item("draft", DRAFT))
                        .sends("POST", "/api/v1/experts/@my-org/writer/drafts/" + DRAFT_ID)
                        .body("{\"experts\": [" + EXPERT_SUMMARIZER + "]}")
                        .then(r -> assertThat(r.data().draft().id()).isEqualTo(DRAFT_ID)),
                call("experts.drafts.delete", (c, o) -> o == null ? c.experts().drafts().delete(SCOPE, DRAFT_ID)
                        : c.experts().drafts().delete(SCOPE, DRAFT_ID, o))
                        .answers(200, item("draft", DRAFT))
                        .sends("DELETE", "/api/v1/experts/@my-org/writer/drafts/" + DRAFT_ID)
                        .then(r -> assertThat(r.data().draft().id()).isEqualTo(DRAFT_ID)),
                call("experts.drafts.assignVersion", (c, o) -> o == null
                        ? c.experts().drafts().assignVersion(SCOPE, DRAFT_ID, AssignVersionInput.of("1.3.0-beta.1", "beta"))
                        : c.experts().drafts().assignVersion(SCOPE, DRAFT_ID, AssignVersionInput.of("1.3.0-beta.1", "beta"), o))
                        .answers(201, item("version", """
                                {"version": "1.3.0-beta.1", "tag": "beta", "tags": ["beta"], "yanked": false,
                                 "createdAt": "2025-01-16T09:00:00.000Z"}"""))
                        .sends("POST", "/api/v1/experts/@my-org/writer/drafts/" + DRAFT_ID + "/version")
                        .body("{\"version\": \"1.3.0-beta.1\", \"tag\": \"beta\"}")
                        .then(r -> {
                            assertThat(r.data().version().version()).isEqualTo("1.3.0-beta.1");
                            assertThat(r.data().version().tag()).contains("beta");
                            assertThat(r.data().version().tags()).containsExactly("beta");
                            assertThat(r.data().version().yanked()).isFalse();
                        }),

                // experts.versions
                call("experts.versions.list", (c, o) -> o == null ? c.experts().versions().list(SCOPE)
                        : c.experts().versions().list(SCOPE, o))
                        .answers(200, list("versions", "{\"total\": 3}", VERSION_LATEST, VERSION_YANKED, VERSION_STABLE))
                        .sends("GET", "/api/v1/experts/@my-org/writer/versions")
                        .then(r -> {
                            assertThat(r.data().versions()).extracting(v -> v.version()).containsExactly("1.2.0", "1.1.1", "1.1.0");
                            assertThat(r.data().versions().get(1).yanked()).isTrue();
                            assertThat(r.data().versions().get(1).tag()).isEmpty();
                            assertThat(r.data().versions().get(2).tag()).contains("stable");
                            assertThat(r.meta()).hasValueSatisfying(m -> assertThat(m.total()).isEqualTo(3));
                        }));
    }

    /** A selection of calls through {@code client.async()}, which return futures that complete normally. */
    static Stream<Case<?>> asyncCalls() {
        return Stream.of(
                call("async applications.list", (c, o) -> await(o == null
                        ? c.async().applications().list(APP_PAGE) : c.async().applications().list(APP_PAGE, o)))
                        .answers(200, list("applications", "{\"total\": 1, \"take\": 10, \"skip\": 20}", APPLICATION))
                        .sends("GET", "/api/v1/applications")
                        .query("name=Support%20desk&sort=name&order=asc&take=10&skip=20")
                        .then(r -> assertThat(r.data().applications().get(0).name()).isEqualTo("Support desk")),
                call("async env.variables.create", (c, o) -> {
                    CreateVariableInput input = CreateVariableInput.builder().name("REGION").value("eu-west-1").build();
                    return await(o == null ? c.async().env().variables().create(input)
                            : c.async().env().variables().create(input, o));
                })
                        .answers(201, item("variable", VARIABLE))
                        .sends("POST", "/api/v1/env/variables")
                        .body("{\"name\": \"REGION\", \"value\": \"eu-west-1\"}")
                        .then(r -> assertThat(r.data().variable().value()).isEqualTo("eu-west-1")),
                call("async jobs.start", (c, o) -> await(o == null ? c.async().jobs().start(START) : c.async().jobs().start(START, o)))
                        .answers(201, item("job", JOB_QUEUED))
                        .sends("POST", "/api/v1/jobs")
                        .body("""
                                {"applicationId": "v81u33xtplpft75v2seh60kv", "expertKey": "@acme/reviewer@1.2.0",
                                 "query": "Help me with this task", "files": ["notes/design.md"], "provider": "anthropic",
                                 "model": "claude-sonnet-4-20250514", "reasoningBudget": "medium", "maxSteps": 50,
                                 "maxRetries": 3}""")
                        .then(r -> assertThat(r.data().job().status()).isEqualTo(JobStatus.QUEUED)),
                call("async jobs.checkpoints.get", (c, o) -> await(o == null
                        ? c.async().jobs().checkpoints().get(JOB_ID, "qbn7xj8b7tfq7xkwo886vomp")
                        : c.async().jobs().checkpoints().get(JOB_ID, "qbn7xj8b7tfq7xkwo886vomp", o)))
                        .answers(200, item("checkpoint", CHECKPOINT_QUERY))
                        .sends("GET", "/api/v1/jobs/" + JOB_ID + "/checkpoints/qbn7xj8b7tfq7xkwo886vomp")
                        .then(r -> assertThat(r.data().checkpoint().activity().type()).isEqualTo("query")),
                call("async experts.getMeta", (c, o) -> await(o == null ? c.async().experts().getMeta("@my-org/writer")
                        : c.async().experts().getMeta("@my-org/writer", o)))
                        .answers(200, """
                                {"data": {"scope": "@my-org/writer", "version": "1.2.0", "tag": "latest", "yanked": false,
                                          "visibility": "private", "createdAt": "2025-01-15T09:00:00.000Z"}}""")
                        .sends("GET", "/api/v1/experts/@my-org/writer/meta")
                        .then(r -> assertThat(r.data().visibility()).isEqualTo(Visibility.PRIVATE)),
                call("async experts.drafts.assignVersion", (c, o) -> await(o == null
                        ? c.async().experts().drafts().assignVersion(SCOPE, DRAFT_ID, AssignVersionInput.of("1.2.0"))
                        : c.async().experts().drafts().assignVersion(SCOPE, DRAFT_ID, AssignVersionInput.of("1.2.0"), o)))
                        .answers(201, item("version", VERSION_LATEST))
                        .sends("POST", "/api/v1/experts/@my-org/writer/drafts/" + DRAFT_ID + "/version")
                        .body("{\"version\": \"1.2.0\"}")
                        .then(r -> assertThat(r.data().version().tags()).containsExactly("latest")),
                call("async experts.versions.list", (c, o) -> await(o == null ? c.async().experts().versions().list(SCOPE)
                        : c.async().experts().versions().list(SCOPE, o)))
                        .answers(200, list("versions", "{\"total\": 1}", VERSION_LATEST))
                        .sends("GET", "/api/v1/experts/@my-org/writer/versions")
                        .then(r -> assertThat(r.data().versions()).hasSize(1)));
    }

    @Test
    void anAsyncFailureCompletesNormallyWithAnErr() {
        server.enqueue(Reply.error(404, "Not Found", "\"application v81u33xtplpft75v2seh60kv not found\""));

        CompletableFuture<ApiResult<ai.perstack.client.applications.ApplicationResponse>> future =
                client.async().applications().get(APP_ID);

        ApiResult<ai.perstack.client.applications.ApplicationResponse> result = await(future);
        assertThat(future).isCompletedWithValueMatching(r -> !r.ok());
        assertThat(result.error().code()).isEqualTo(404);
        assertThat(result.error().message()).isEqualTo("application v81u33xtplpft75v2seh60kv not found");
        assertThat(Optional.of(result.error().aborted())).contains(false);
    }
}
