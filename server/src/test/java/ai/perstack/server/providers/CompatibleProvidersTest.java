package ai.perstack.server.providers;

import ai.perstack.server.providers.StubModelServer.Recorded;
import ai.perstack.server.providers.StubModelServer.Reply;
import ai.perstack.server.providers.openai.DeepSeekProvider;
import ai.perstack.server.providers.openai.GoogleProvider;
import ai.perstack.server.providers.openai.OllamaProvider;
import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code deepseek}, {@code ollama} and {@code google} providers: the Chat Completions wire of {@code openai} (whose
 * suite covers the format and the loop), at their own addresses, with their own key rules, models and reasoning.
 */
class CompatibleProvidersTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StubModelServer stub;
    private Api api;
    private String applicationId;
    private String expertKey;

    @BeforeEach
    void setUp() {
        stub = ProviderPlatform.STUB;
        stub.reset();
        api = Platforms.newOrganization(ProviderPlatform.shared());
        applicationId = ok(api.post("/api/v1/applications", Map.of("name", "app-" + UUID.randomUUID().toString()
                .substring(0, 8))), 201).data("application").get("id").asText();
        String scope = "@" + api.org() + "/notes";
        List<Object> experts = List.of(Map.of("key", "main", "name", "main", "instruction", "Keep a todo list.",
                "skills", Map.of("@perstack/base", Map.of("type", "mcpStdioSkill", "command", "npx",
                        "packageName", "@perstack/base", "pick", List.of("todo", "attemptCompletion")))));
        String draftId = ok(api.post("/api/v1/experts/" + scope + "/drafts",
                Map.of("applicationId", applicationId, "experts", experts)), 201).data("draft").get("id").asText();
        ok(api.post("/api/v1/experts/" + scope + "/drafts/" + draftId + "/version", Map.of("version", "1.0.0")), 201);
        expertKey = scope;
    }

    @Test
    void deepSeekCallsItsApiWithItsKeyAndItsDefaultModelAndSendsNoReasoningBudget() {
        ok(api.post("/api/v1/env/secrets", Map.of("name", "DEEPSEEK_API_KEY", "value", "sk-deepseek-test")), 201);
        stub.then(Reply.json(200, toolCall("call_1", "todo", "{\"newTodos\":[\"Write it down\"]}")))
                .then(Reply.json(200, text("Noted.", "The user wants one todo.")));
        String id = ok(start("deepseek", "Note one thing", "reasoningBudget", "high"), 201).data("job").get("id").asText();
        JsonNode job = await(id);
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("completed");
        assertThat(job.get("result").asText()).isEqualTo("Noted.");

        List<Recorded> calls = stub.requests();
        assertThat(calls).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/deepseek/chat/completions");
            assertThat(r.header("Authorization")).isEqualTo("Bearer sk-deepseek-test");
            assertThat(r.json().get("model").asText()).isEqualTo("deepseek-chat");
            assertThat(r.json().has("reasoning_effort")).isFalse();
        });
        JsonNode second = calls.get(1).json().get("messages");
        assertThat(second.get(second.size() - 1).get("role").asText()).isEqualTo("tool");
        assertThat(second.get(second.size() - 1).get("content").asText()).contains("Write it down");
        JsonNode last = checkpoints(id).get(checkpoints(id).size() - 1).get("activity");
        assertThat(last.get("reasoning").asText()).isEqualTo("The user wants one todo.");
    }

    @Test
    void deepSeekNeedsItsKeyExceptOnThisMachine() {
        assertThat(new DeepSeekProvider(ProviderSettings.defaults()).requiredSecret()).isEqualTo("DEEPSEEK_API_KEY");
        assertThat(new DeepSeekProvider(ProviderSettings.defaults().withDeepSeekBaseUrl("http://127.0.0.1:9/v1"))
                .requiredSecret()).isNull();
    }

    @Test
    void googleCallsTheGeminiApisOpenAiEndpointWithItsKey() {
        ok(api.post("/api/v1/env/secrets", Map.of("name", "GOOGLE_GENERATIVE_AI_API_KEY", "value", "gk-test")), 201);
        stub.then(Reply.json(200, text("Hello from Gemini.", null)));
        String id = ok(start("google", "Say hello", "reasoningBudget", "medium"), 201).data("job").get("id").asText();
        JsonNode job = await(id);
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("completed");
        Recorded call = stub.requests().get(0);
        assertThat(call.path()).isEqualTo("/gemini/v1beta/openai/chat/completions");
        assertThat(call.header("Authorization")).isEqualTo("Bearer gk-test");
        assertThat(call.json().get("model").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(call.json().has("reasoning_effort")).isFalse();
        assertThat(new GoogleProvider(ProviderSettings.defaults()).requiredSecret()).isEqualTo("GOOGLE_GENERATIVE_AI_API_KEY");
    }

    @Test
    void ollamaCallsTheServersOpenAiCompatibleApiWithoutAKey() {
        stub.then(Reply.json(200, text("Hello from llama.", null)));
        String id = ok(start("ollama", "Say hello", "model", "llama3.2"), 201).data("job").get("id").asText();
        JsonNode job = await(id);
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("completed");
        assertThat(job.get("result").asText()).isEqualTo("Hello from llama.");
        Recorded call = stub.requests().get(0);
        assertThat(call.path()).isEqualTo("/ollama/v1/chat/completions");
        assertThat(call.header("Authorization")).isNull();
        assertThat(call.json().get("model").asText()).isEqualTo("llama3.2");
    }

    @Test
    void anOllamaJobMustNameItsModel() {
        Res refused = start("ollama", "Say hello");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("model").contains("the ollama provider has no default model");
        assertThat(stub.requests()).isEmpty();
        assertThat(new OllamaProvider(ProviderSettings.defaults()).requiredSecret()).isNull();
    }

    @Test
    void baseUrlsAreReadAsCoreNamesThem() {
        assertThat(ProviderSettings.defaults().ollamaBaseUrl()).hasToString("http://127.0.0.1:11434/v1");
        assertThat(ProviderSettings.ollamaBaseUrl("http://gpu-box:11434/api/")).hasToString("http://gpu-box:11434/v1");
        assertThat(ProviderSettings.ollamaBaseUrl("http://gpu-box:11434")).hasToString("http://gpu-box:11434/v1");
        assertThat(ProviderSettings.ollamaBaseUrl("https://proxy.example/ollama/v1")).hasToString("https://proxy.example/ollama/v1");
        Map<String, String> env = Map.of("OLLAMA_BASE_URL", "http://10.1.2.3:11434/api", "DEEPSEEK_BASE_URL", "https://ds.example/v1");
        ProviderSettings read = ProviderSettings.defaults().withBaseUrlsFrom(env::get);
        assertThat(read.ollamaBaseUrl()).hasToString("http://10.1.2.3:11434/v1");
        assertThat(read.deepSeekBaseUrl()).hasToString("https://ds.example/v1");
        assertThat(read.openAiBaseUrl()).hasToString(ProviderSettings.DEFAULT_OPENAI_BASE_URL);
        assertThat(read.googleBaseUrl()).hasToString("https://generativelanguage.googleapis.com/v1beta/openai");
        assertThat(ProviderSettings.googleBaseUrl("https://gw.example/gemini/openai/")).hasToString("https://gw.example/gemini/openai");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProviderSettings.ollamaBaseUrl("ftp://box/api"))
                .hasMessageContaining("OLLAMA_BASE_URL");
    }

    private Res start(String provider, String query, Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("applicationId", applicationId, "expertKey", expertKey,
                "provider", provider, "query", query));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return api.post("/api/v1/jobs", body);
    }

    private JsonNode await(String id) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            JsonNode job = ok(api.get("/api/v1/jobs/" + id), 200).data("job");
            String status = job.get("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("job %s ends: %s", id, job).isLessThan(deadline);
            ProviderScenarios.sleep(20);
        }
    }

    private List<JsonNode> checkpoints(String id) {
        List<JsonNode> out = new java.util.ArrayList<>();
        ok(api.get("/api/v1/jobs/" + id + "/checkpoints?take=100"), 200).data("checkpoints").forEach(out::add);
        return out;
    }

    private static Res ok(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        return res;
    }

    private static String text(String content, String reasoning) {
        ObjectNode message = NODES.objectNode().put("role", "assistant").put("content", content);
        if (reasoning != null) {
            message.put("reasoning_content", reasoning);
        }
        return completion(message, "stop");
    }

    private static String toolCall(String id, String name, String args) {
        ObjectNode message = NODES.objectNode().put("role", "assistant").putNull("content");
        message.putArray("tool_calls").addObject().put("id", id).put("type", "function").putObject("function")
                .put("name", name).put("arguments", args);
        return completion(message, "tool_calls");
    }

    private static String completion(ObjectNode message, String finishReason) {
        ObjectNode body = NODES.objectNode().put("id", "cmpl-1").put("object", "chat.completion").put("model", "m");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 4).put("total_tokens", 14);
        return body.toString();
    }
}
