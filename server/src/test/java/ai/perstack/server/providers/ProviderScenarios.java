package ai.perstack.server.providers;

import ai.perstack.server.LocalPlatform;
import ai.perstack.server.providers.StubModelServer.Recorded;
import ai.perstack.server.providers.StubModelServer.Reply;
import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Captured;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios every real provider must pass, against a stub of its HTTP API on 127.0.0.1,
 * through the platform's API: a job started with the provider and its secret set through
 * {@code /env}; the operator's settings point the provider at the stub. Subclasses speak the
 * provider's wire format.
 */
abstract class ProviderScenarios {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MAIN_INSTRUCTION = "You coordinate the work. Answer briefly.";
    static final String HELPER_INSTRUCTION = "You add numbers.";

    /** A tool call a scripted reply makes. */
    record Call(String id, String name, String argsJson) {
    }

    StubModelServer stub;
    Fixture f;
    String key;

    // --- the provider under test -----------------------------------------------------------

    abstract String provider();

    abstract String keySecret();

    abstract String baseUrlVariable();

    /** The base URL that points the provider at {@code stub}. */
    abstract String baseUrl(StubModelServer stub);

    /** {@code settings} with this provider pointed at {@code url}. */
    abstract ProviderSettings pointedAt(ProviderSettings settings, String url);

    /** The path the provider POSTs to. */
    abstract String path();

    abstract String textReply(String text, String reasoning, int inputTokens, int outputTokens);

    abstract String toolCallReply(String text, Call... calls);

    abstract String errorBody(String message);

    /** A 429 telling the client to wait {@link #rateLimitWaitMs()}. */
    abstract Reply rateLimited(String message);

    abstract long rateLimitWaitMs();

    /** The key the stub received, from the provider's auth header. */
    abstract String receivedKey(Recorded request);

    /** Headers and body fields only this provider has. */
    abstract void assertProviderSpecificShape(Recorded request, JsonNode body);

    abstract String system(JsonNode body);

    abstract String firstUserText(JsonNode body);

    abstract List<String> toolNames(JsonNode body);

    abstract JsonNode toolParameters(JsonNode body, String toolName);

    /** The content of the result of tool call {@code id} in the request, or null. */
    abstract String toolResult(JsonNode body, String id);

    abstract List<String> assistantToolCallIds(JsonNode body);

    /** What the error of a structurally wrong response names. */
    abstract String malformedHint();

    // --- fixture ------------------------------------------------------------------------------

    /** An organization with an application, an expert with an interactive tool and a delegate, and the provider's settings. */
    final class Fixture {
        final Api api;
        final String applicationId;
        final String expertKey;

        Fixture(LocalPlatform platform) {
            api = Platforms.newOrganization(platform);
            applicationId = expect(api.post("/api/v1/applications",
                    Map.of("name", "app-" + UUID.randomUUID().toString().substring(0, 8))), 201)
                    .data("application").get("id").asText();
            String scope = "@" + api.org() + "/team";
            List<Object> experts = List.of(
                    Map.of("key", "main", "name", "main", "instruction", MAIN_INSTRUCTION,
                            "skills", Map.of("ask", Map.of("type", "interactiveSkill", "description", "Ask the user",
                                    "tools", Map.of("askUser", Map.of("description", "Ask the user a question",
                                            "inputJsonSchema",
                                            "{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}},\"required\":[\"question\"]}")))),
                            "delegates", List.of("helper")),
                    Map.of("key", "helper", "name", "helper", "description", "Adds numbers",
                            "instruction", HELPER_INSTRUCTION));
            String draftId = expect(api.post("/api/v1/experts/" + scope + "/drafts",
                    Map.of("applicationId", applicationId, "experts", experts)), 201).data("draft").get("id").asText();
            expect(api.post("/api/v1/experts/" + scope + "/drafts/" + draftId + "/version", Map.of("version", "1.0.0")), 201);
            expertKey = scope;
        }

        /** A second expert, {@code <scope>-skilled}, with the built-in base and the test MCP server as skills. */
        String skilledExpert() {
            String scope = expertKey + "-skilled";
            Map<String, Object> testServer = Map.of("type", "mcpStdioSkill",
                    "command", java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "args", List.of("-cp", System.getProperty("java.class.path"),
                            ai.perstack.server.skills.TestMcpServer.class.getName()),
                    "pick", List.of("echo", "image"));
            List<Object> experts = List.of(Map.of("key", "main", "name", "main", "instruction", MAIN_INSTRUCTION,
                    "skills", Map.of("@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx",
                            "packageName", "@perstack/base", "omit", List.of("exec"), "rule", "Keep notes short."),
                            "t", testServer)));
            String draftId = expect(api.post("/api/v1/experts/" + scope + "/drafts",
                    Map.of("applicationId", applicationId, "experts", experts)), 201).data("draft").get("id").asText();
            expect(api.post("/api/v1/experts/" + scope + "/drafts/" + draftId + "/version", Map.of("version", "1.0.0")), 201);
            return scope;
        }

        void secret(String name, String value) {
            expect(api.post("/api/v1/env/secrets", Map.of("name", name, "value", value)), 201);
        }

        void variable(String name, String value) {
            Res res = api.post("/api/v1/env/variables/" + name, Map.of("value", value));
            if (res.status() == 404) {
                res = api.post("/api/v1/env/variables", Map.of("name", name, "value", value));
            }
            assertThat(res.status()).as("%s", res).isIn(200, 201);
        }

        Res start(String query, Object... extra) {
            Map<String, Object> body = new HashMap<>(Map.of("applicationId", applicationId, "expertKey", expertKey,
                    "provider", provider(), "query", query));
            for (int i = 0; i < extra.length; i += 2) {
                body.put((String) extra[i], extra[i + 1]);
            }
            return api.post("/api/v1/jobs", body);
        }

        String startId(String query, Object... extra) {
            return expect(start(query, extra), 201).data("job").get("id").asText();
        }

        JsonNode job(String id) {
            return expect(api.get("/api/v1/jobs/" + id), 200).data("job");
        }

        JsonNode await(String id, String status) {
            long deadline = System.currentTimeMillis() + 20_000;
            JsonNode job = job(id);
            while (!status.equals(job.get("status").asText())) {
                assertThat(System.currentTimeMillis()).as("job %s reaches %s: %s", id, status, job).isLessThan(deadline);
                assertThat(job.get("status").asText()).as("job %s: %s", id, job)
                        .isNotIn(List.of("completed", "stoppedByError", "stoppedByInteractiveTool", "stoppedByMaxSteps")
                                .stream().filter(s -> !s.equals(status)).toList());
                sleep(20);
                job = job(id);
            }
            return job;
        }

        List<JsonNode> checkpoints(String id) {
            List<JsonNode> out = new ArrayList<>();
            expect(api.get("/api/v1/jobs/" + id + "/checkpoints?take=100"), 200).data("checkpoints").forEach(out::add);
            return out;
        }

        Res continueWith(String id, Map<String, Object> body) {
            return expect(api.post("/api/v1/jobs/" + id + "/continue", body), 200);
        }
    }

    @BeforeEach
    void setUp() {
        stub = ProviderPlatform.STUB;
        stub.reset();
        f = new Fixture(ProviderPlatform.shared());
        key = Captured.secretValue();
        f.secret(keySecret(), key);
    }

    @AfterEach
    void tearDown() {
        stub.reset();
    }

    // --- scenarios ------------------------------------------------------------------------------

    @Test
    void aTextReplyCompletesTheJobAndTheRequestHasTheDocumentedShape() {
        stub.then(Reply.json(200, textReply("Hello from the model", "The user wants a greeting.", 12, 5)));
        String id = f.startId("Say hello", "model", "test-model", "files", List.of("notes.txt", "data.csv"),
                "reasoningBudget", "medium");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Hello from the model");
        assertThat(job.get("usage").get("inputTokens").asLong()).isEqualTo(12);
        assertThat(job.get("usage").get("outputTokens").asLong()).isEqualTo(5);
        assertThat(job.get("usage").get("totalTokens").asLong()).isEqualTo(17);
        assertThat(job.get("totalSteps").asInt()).isEqualTo(2);

        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("status").asText()).containsExactly("init", "completed");
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText()).containsExactly("query", "complete");
        assertThat(cps.get(0).get("activity").get("text").asText()).isEqualTo("Say hello");
        JsonNode complete = cps.get(1).get("activity");
        assertThat(complete.get("text").asText()).isEqualTo("Hello from the model");
        assertThat(complete.get("reasoning").asText()).isEqualTo("The user wants a greeting.");
        assertThat(cps.get(1).get("usage").get("inputTokens").asLong()).isEqualTo(12);

        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(1);
        Recorded r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo(path());
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(receivedKey(r)).isEqualTo(key);
        JsonNode body = r.json();
        assertThat(body.get("model").asText()).isEqualTo("test-model");
        assertThat(system(body)).startsWith("You are Perstack").contains("---\n(The expert's instruction)\n" + MAIN_INSTRUCTION)
                .contains("About \"helper\":\nAdds numbers");
        assertThat(firstUserText(body)).isEqualTo("Say hello\n\nFiles:\n- notes.txt\n- data.csv");
        assertThat(toolNames(body)).containsExactly("ask__askUser", "delegate__helper");
        assertThat(toolParameters(body, "ask__askUser").get("properties").get("question").get("type").asText())
                .isEqualTo("string");
        JsonNode delegate = toolParameters(body, "delegate__helper");
        assertThat(delegate.get("type").asText()).isEqualTo("object");
        assertThat(delegate.get("properties").get("query").get("type").asText()).isEqualTo("string");
        assertThat(delegate.get("required").get(0).asText()).isEqualTo("query");
        assertProviderSpecificShape(r, body);
    }

    @Test
    void anInteractiveToolCallStopsTheJobAndContinueSendsTheAnswerAsTheToolResult() {
        stub.then(Reply.json(200, toolCallReply(null, new Call("call_color", "ask__askUser", "{\"question\":\"Which color?\"}"))))
                .then(Reply.json(200, textReply("You chose blue", null, 20, 4)));
        String id = f.startId("Pick a color");
        f.await(id, "stoppedByInteractiveTool");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("status").asText()).containsExactly("init", "stoppedByInteractiveTool");
        JsonNode ask = cps.get(1).get("activity");
        assertThat(ask.get("type").asText()).isEqualTo("interactiveTool");
        assertThat(ask.get("skillName").asText()).isEqualTo("ask");
        assertThat(ask.get("toolName").asText()).isEqualTo("askUser");
        assertThat(ask.get("args").get("question").asText()).isEqualTo("Which color?");
        assertThat(cps.get(1).get("pendingToolCalls").get(0).get("id").asText()).isEqualTo("call_color");

        f.continueWith(id, Map.of("interactiveToolCallResult", true, "query", "blue"));
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("You chose blue");
        assertThat(f.checkpoints(id)).extracting(c -> c.get("status").asText())
                .containsExactly("init", "stoppedByInteractiveTool", "completed");

        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        JsonNode second = requests.get(1).json();
        assertThat(firstUserText(second)).isEqualTo("Pick a color");
        assertThat(assistantToolCallIds(second)).containsExactly("call_color");
        assertThat(toolResult(second, "call_color")).isEqualTo("blue");
        assertHistoryKept(requests.get(0).json(), second);
    }

    @Test
    void skillToolCallsRunInTheRuntimeAndTheirResultsGoBackAsToolResults() {
        String skilled = f.skilledExpert();
        stub.then(Reply.json(200, toolCallReply(null,
                        new Call("call_w", "writeTextFile", "{\"path\":\"notes.txt\",\"text\":\"hi\"}"),
                        new Call("call_e", "echo", "{\"text\":\"yo\"}"))))
                .then(Reply.json(200, textReply("Wrote it", null, 30, 3)));
        String id = expect(f.api.post("/api/v1/jobs", Map.of("applicationId", f.applicationId, "expertKey", skilled,
                "provider", provider(), "query", "Write notes")), 201).data("job").get("id").asText();
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Wrote it");
        List<JsonNode> cps = f.checkpoints(id);
        // one step: the model call and both its calls, run together; one activity per call
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText())
                .containsExactly("query", "writeTextFile", "complete");
        JsonNode activities = cps.get(1).get("activities");
        assertThat(activities).hasSize(2);
        assertThat(activities.get(0).get("path").asText()).isEqualTo("notes.txt");
        assertThat(activities.get(1).get("type").asText()).isEqualTo("generalTool");
        assertThat(activities.get(1).get("result").get(0).get("text").asText()).isEqualTo("yo");
        assertThat(activities.get(1).get("previousActivityId").asText()).isEqualTo(activities.get(0).get("id").asText());
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        List<String> offered = toolNames(requests.get(0).json());
        assertThat(system(requests.get(0).json())).contains("\"@perstack/base\" skill rules:\nKeep notes short.");
        assertThat(offered).contains("writeTextFile", "readTextFile", "attemptCompletion", "echo")
                .doesNotContain("exec", "pid");
        assertThat(toolParameters(requests.get(0).json(), "writeTextFile").get("required").toString())
                .isEqualTo("[\"path\",\"text\"]");
        JsonNode second = requests.get(1).json();
        assertThat(assistantToolCallIds(second)).containsExactly("call_w", "call_e");
        assertThat(toolResult(second, "call_w")).isEqualTo("{\"path\":\"notes.txt\",\"text\":\"hi\"}");
        assertThat(toolResult(second, "call_e")).isEqualTo("yo");
    }

    /** The second request carries the first reply as the model gave it; subclasses add their own checks. */
    void assertHistoryKept(JsonNode first, JsonNode second) {
    }

    @Test
    void aDelegateCallRunsTheDelegateAndReturnsItsResultAsTheToolResult() {
        stub.then(Reply.json(200, toolCallReply("Let me ask the helper.",
                        new Call("call_sum", "delegate__helper", "{\"query\":\"Add 2 and 40\"}"))))
                .then(Reply.json(200, textReply("42", null, 8, 1)))
                .then(Reply.json(200, textReply("The sum is 42", null, 30, 5)));
        String id = f.startId("What is 2 + 40?");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("The sum is 42");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText())
                .containsExactly("query", "delegate", "query", "complete", "delegationComplete", "complete");
        assertThat(cps).extracting(c -> c.get("expert").get("key").asText())
                .containsExactly("main", "main", "helper", "helper", "main", "main");
        JsonNode delegate = cps.get(1).get("activity");
        assertThat(delegate.get("delegateExpertKey").asText()).isEqualTo("helper");
        assertThat(cps.get(1).get("delegateTo").get(0).get("toolCallId").asText()).isEqualTo("call_sum");
        assertThat(cps.get(2).get("delegatedBy").get("toolCallId").asText()).isEqualTo("call_sum");
        assertThat(delegate.get("query").asText()).isEqualTo("Add 2 and 40");
        assertThat(delegate.get("reasoning").asText()).endsWith("Let me ask the helper.");
        assertThat(cps.get(1).get("status").asText()).isEqualTo("stoppedByDelegate");
        assertThat(cps.get(3).get("activity").get("text").asText()).isEqualTo("42");
        assertThat(cps.get(4).get("activity").get("count").asInt()).isEqualTo(1);
        assertThat(cps.get(2).get("runId").asText()).isNotEqualTo(cps.get(0).get("runId").asText());

        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        JsonNode helper = requests.get(1).json();
        assertThat(system(helper)).contains(HELPER_INSTRUCTION).doesNotContain(MAIN_INSTRUCTION);
        assertThat(firstUserText(helper)).isEqualTo("Add 2 and 40");
        // the helper has no skills listed, so it gets core's default: the base skill, and nothing else
        assertThat(toolNames(helper)).contains("writeTextFile", "attemptCompletion").doesNotContain("ask__askUser")
                .noneMatch(n -> n.startsWith("delegate__"));
        JsonNode back = requests.get(2).json();
        assertThat(system(back)).isEqualTo(system(requests.get(0).json()));
        assertThat(toolResult(back, "call_sum")).isEqualTo("42");
    }

    @Test
    void aDelegateAndAnInteractiveCallOfOneReplyRunDelegateFirstAndAreAnsweredTogether() {
        stub.then(Reply.json(200, toolCallReply(null,
                        new Call("call_a", "ask__askUser", "{\"question\":\"Round up?\"}"),
                        new Call("call_b", "delegate__helper", "{\"query\":\"Add 1 and 1\"}"))))
                .then(Reply.json(200, textReply("2", null, 5, 1)))
                .then(Reply.json(200, textReply("Rounded: 2", null, 40, 3)));
        String id = f.startId("Add and round");
        f.await(id, "stoppedByInteractiveTool");
        f.continueWith(id, Map.of("interactiveToolCallResult", true, "query", "yes"));
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Rounded: 2");
        // core's order: the delegate first (the interactive call pending behind it), then the interactive stop
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText())
                .containsExactly("query", "delegate", "query", "complete", "delegationComplete", "interactiveTool",
                        "complete");
        assertThat(cps.get(1).get("pendingToolCalls").get(0).get("id").asText()).isEqualTo("call_a");
        assertThat(cps.get(5).get("status").asText()).isEqualTo("stoppedByInteractiveTool");
        assertThat(cps.get(5).get("pendingToolCalls").get(0).get("id").asText()).isEqualTo("call_a");
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        JsonNode last = requests.get(2).json();
        assertThat(toolResult(last, "call_a")).isEqualTo("yes");
        assertThat(toolResult(last, "call_b")).isEqualTo("2");
    }

    @Test
    void aRateLimitIsRetriedAfterTheServersRetryAfter() {
        stub.then(rateLimited("Rate limit reached, slow down"))
                .then(Reply.json(200, textReply("Done at last", null, 3, 3)));
        String id = f.startId("Hi");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Done at last");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("status").asText()).containsExactly("init", "proceeding", "completed");
        JsonNode retry = cps.get(1).get("activity");
        assertThat(retry.get("type").asText()).isEqualTo("retry");
        assertThat(retry.get("error").asText()).isEqualTo("RateLimitError");
        assertThat(retry.get("message").asText()).contains("429").contains("Rate limit reached, slow down");
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        long waitedMs = (requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()) / 1_000_000;
        assertThat(waitedMs).isGreaterThanOrEqualTo(rateLimitWaitMs());
    }

    @Test
    void unauthorizedStopsTheJobWithoutRetryingAndTheKeyStaysOut() {
        // The stub echoes the key it got, as real servers do with part of a wrong key.
        stub.then(new Reply(401, Map.of(), r -> errorBody("Incorrect API key provided: " + receivedKey(r)), 0));
        String id = f.startId("Hi", "maxRetries", 3);
        JsonNode job = f.await(id, "stoppedByError");
        JsonNode error = job.get("error");
        assertThat(error.get("name").asText()).isEqualTo("AuthenticationError");
        assertThat(error.get("isRetryable").asBoolean()).isFalse();
        assertThat(error.get("message").asText()).contains("401").contains("Incorrect API key provided")
                .doesNotContain(key);
        assertThat(stub.requests()).hasSize(1);
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("status").asText()).containsExactly("init", "stoppedByError");
        assertThat(cps.get(1).get("activity").get("type").asText()).isEqualTo("error");
        assertThat(cps.get(1).get("activity").get("isRetryable").asBoolean()).isFalse();
        assertKeyAppearsNowhere(id);
    }

    @Test
    void aMalformedResponseStopsTheJobNamingWhatWasWrong() {
        stub.then(Reply.json(200, "{\"id\":\"x\",\"object\":\"something else\"}"))
                .then(Reply.json(200, "<html>gateway</html>"));
        String id = f.startId("Hi");
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("MalformedResponse");
        assertThat(job.get("error").get("message").asText()).contains(malformedHint());
        assertThat(job.get("error").get("isRetryable").asBoolean()).isFalse();

        String second = f.startId("Hi again");
        JsonNode notJson = f.await(second, "stoppedByError");
        assertThat(notJson.get("error").get("message").asText()).contains("not JSON");
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedUpToMaxRetries() {
        stub.then(Reply.json(500, errorBody("internal failure")))
                .then(Reply.json(200, textReply("too late", null, 1, 1)).delayed(ProviderPlatform.REQUEST_TIMEOUT.toMillis() + 1000))
                .then(Reply.json(503, errorBody("overloaded")));
        String id = f.startId("Hi", "maxRetries", 2);
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("ServerError");
        assertThat(job.get("error").get("message").asText()).contains("503").contains("overloaded");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText())
                .containsExactly("query", "retry", "retry", "error");
        assertThat(cps.get(1).get("activity").get("error").asText()).isEqualTo("ServerError");
        assertThat(cps.get(2).get("activity").get("error").asText()).isEqualTo("TimeoutError");
        assertThat(cps).extracting(c -> c.get("retryCount").asInt()).containsExactly(0, 1, 2, 2);
        // The stopping checkpoint carries the model's HTTP status, as core's error does.
        assertThat(cps.get(3).get("error").get("statusCode").asInt()).isEqualTo(503);
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        // As core retries: each retry adds a user message {"error": name, "message": message} to the next call.
        assertThat(userTexts(requests.get(0).json())).hasSize(1);
        assertThat(userTexts(requests.get(1).json())).hasSize(2);
        List<String> third = userTexts(requests.get(2).json());
        assertThat(third).hasSize(3);
        JsonNode serverError = json(third.get(1));
        assertThat(serverError.get("error").asText()).isEqualTo("ServerError");
        assertThat(serverError.get("message").asText()).contains("500").contains("internal failure");
        assertThat(json(third.get(2)).get("error").asText()).isEqualTo("TimeoutError");
    }

    /** The texts of the user messages of a request body, in order (both wire formats put them in {@code content}). */
    static List<String> userTexts(JsonNode body) {
        List<String> texts = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            if ("user".equals(m.get("role").asText()) && m.get("content").isTextual()) {
                texts.add(m.get("content").asText());
            }
        }
        return texts;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCancelDuringAModelCallDropsTheStep() {
        stub.then(Reply.json(200, textReply("too late", null, 1, 1)).delayed(800));
        String id = f.startId("Hi");
        long deadline = System.currentTimeMillis() + 10_000;
        while (stub.requests().isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        expect(f.api.post("/api/v1/jobs/" + id + "/cancel", null), 200);
        sleep(1200);
        JsonNode job = f.job(id);
        assertThat(job.get("status").asText()).isEqualTo("canceled");
        assertThat(job.has("result") && !job.get("result").isNull()).isFalse();
        assertThat(f.checkpoints(id)).extracting(c -> c.get("activity").get("type").asText()).containsExactly("query");
    }

    @Test
    void anOrganizationsBaseUrlVariableDoesNotMoveProviderCalls() {
        try (StubModelServer foreign = new StubModelServer()) {
            foreign.then(Reply.json(200, textReply("from the foreign host", null, 1, 1)));
            f.variable(baseUrlVariable(), baseUrl(foreign) + "#");
            stub.then(Reply.json(200, textReply("from the operator's server", null, 1, 1)));
            JsonNode job = f.await(f.startId("Hi"), "completed");
            assertThat(job.get("result").asText()).isEqualTo("from the operator's server");
            assertThat(foreign.requests()).isEmpty();
            assertThat(stub.requests()).hasSize(1);
        }
    }

    @Test
    void aKeyAnHttpHeaderCannotCarryIsRefusedWithoutEchoingIt() {
        for (String bad : List.of(Captured.secretValue() + "\r\nX-Injected: yes", Captured.secretValue() + "\u20ac")) {
            key = bad;
            expect(f.api.post("/api/v1/env/secrets/" + keySecret(), Map.of("value", bad)), 200);
            String id = f.startId("Hi");
            JsonNode job = f.await(id, "stoppedByError");
            assertThat(job.get("error").get("name").asText()).isEqualTo("ConfigurationError");
            assertThat(job.get("error").get("message").asText()).contains(keySecret()).contains("HTTP header");
            assertKeyAppearsNowhere(id);
            for (String line : Captured.output()) {
                assertThat(line).doesNotContain(bad.substring(0, 12));
            }
        }
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aLongErrorBodyComesBackOnlyAsAShortReason() {
        String body = "The model server says: " + "x".repeat(5_000);
        stub.then(Reply.json(400, errorBody(body)));
        JsonNode job = f.await(f.startId("Hi"), "stoppedByError");
        String message = job.get("error").get("message").asText();
        assertThat(message).startsWith(provider() + " returned 400: The model server says: xxx");
        assertThat(message.length()).isLessThanOrEqualTo(300);
        for (JsonNode cp : f.checkpoints(job.get("id").asText())) {
            assertThat(cp.toString().length()).isLessThan(4_000);
        }
    }

    @Test
    void startingWithoutTheKeySecretIsA400NamingIt() {
        // A server elsewhere than on this machine: every provider needs its key there.
        ProviderSettings remote = pointedAt(ProviderPlatform.SETTINGS, "https://models.example.com/v1");
        try (LocalPlatform platform = ProviderPlatform.start(Platforms.newDataDir(), remote)) {
            Fixture own = new Fixture(platform);
            Res res = own.start("Hi");
            assertThat(res.status()).as("%s", res).isEqualTo(400);
            assertThat(res.reason().has(keySecret())).as("%s", res).isTrue();
            assertThat(res.reason().get(keySecret()).asText()).contains(keySecret());
        }
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void theConversationSurvivesARestartBetweenTheToolCallAndTheAnswer() {
        java.nio.file.Path dir = Platforms.newDataDir();
        String id;
        String org;
        Fixture own;
        try (LocalPlatform first = ProviderPlatform.start(dir)) {
            own = new Fixture(first);
            own.secret(keySecret(), key);
            stub.then(Reply.json(200, toolCallReply(null, new Call("call_r", "ask__askUser", "{\"question\":\"Go on?\"}"))))
                    .then(Reply.json(200, textReply("Went on", null, 9, 2)));
            id = own.startId("Keep going");
            own.await(id, "stoppedByInteractiveTool");
            org = own.api.org();
        }
        try (LocalPlatform second = ProviderPlatform.start(dir)) {
            Api api = new Api(second.baseUrl(), second.createApiKey(org), org);
            expect(api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true, "query", "yes")), 200);
            long deadline = System.currentTimeMillis() + 20_000;
            JsonNode job = expect(api.get("/api/v1/jobs/" + id), 200).data("job");
            while (!"completed".equals(job.get("status").asText()) && System.currentTimeMillis() < deadline) {
                sleep(20);
                job = expect(api.get("/api/v1/jobs/" + id), 200).data("job");
            }
            assertThat(job.get("result").asText()).as("%s", job).isEqualTo("Went on");
        }
        JsonNode resent = stub.requests().get(1).json();
        assertThat(firstUserText(resent)).isEqualTo("Keep going");
        assertThat(assistantToolCallIds(resent)).containsExactly("call_r");
        assertThat(toolResult(resent, "call_r")).isEqualTo("yes");
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The key is in no response of the job (job, checkpoints) and in no log line or response the suite saw. */
    void assertKeyAppearsNowhere(String jobId) {
        assertThat(f.api.get("/api/v1/jobs/" + jobId).text()).doesNotContain(key);
        assertThat(f.api.get("/api/v1/jobs/" + jobId + "/checkpoints?take=100").text()).doesNotContain(key);
        for (String line : Captured.output()) {
            assertThat(line).doesNotContain(key);
        }
    }

    static Res expect(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        return res;
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
