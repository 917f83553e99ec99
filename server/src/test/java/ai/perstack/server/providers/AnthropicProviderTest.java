package ai.perstack.server.providers;

import ai.perstack.server.providers.StubModelServer.Recorded;
import ai.perstack.server.providers.StubModelServer.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code anthropic} provider against a stub of the Messages API. */
class AnthropicProviderTest extends ProviderLoopScenarios {

    @Override
    String provider() {
        return "anthropic";
    }

    @Override
    String keySecret() {
        return "ANTHROPIC_API_KEY";
    }

    @Override
    String baseUrlVariable() {
        return "ANTHROPIC_BASE_URL";
    }

    @Override
    String baseUrl(StubModelServer stub) {
        return stub.url();
    }

    @Override
    ProviderSettings pointedAt(ProviderSettings settings, String url) {
        return settings.withAnthropicBaseUrl(url);
    }

    @Override
    String path() {
        return "/v1/messages";
    }

    @Override
    String textReply(String text, String reasoning, int inputTokens, int outputTokens) {
        ObjectNode body = message("end_turn", inputTokens, outputTokens);
        ArrayNode content = body.putArray("content");
        if (reasoning != null) {
            content.addObject().put("type", "thinking").put("thinking", reasoning).put("signature", "sig-" + reasoning.length());
        }
        content.addObject().put("type", "text").put("text", text);
        return body.toString();
    }

    @Override
    String toolCallReply(String text, Call... calls) {
        ObjectNode body = message("tool_use", 10, 7);
        ArrayNode content = body.putArray("content");
        content.addObject().put("type", "thinking").put("thinking", "I need a tool.").put("signature", "EqQBCgIYAhIM");
        if (text != null) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (Call c : calls) {
            ObjectNode use = content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name());
            use.set("input", parse(c.argsJson()));
        }
        return body.toString();
    }

    private static ObjectNode message(String stopReason, int in, int out) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", "msg_01").put("type", "message")
                .put("role", "assistant").put("model", "claude-test").put("stop_reason", stopReason)
                .putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", in).put("output_tokens", out)
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", 0);
        return body;
    }

    @Override
    String errorBody(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("type", "error");
        body.putObject("error").put("type", "authentication_error").put("message", message);
        return body.toString();
    }

    @Override
    Reply rateLimited(String message) {
        return Reply.json(429, errorBody(message)).withHeader("retry-after", "1");
    }

    @Override
    long rateLimitWaitMs() {
        return 1000;
    }

    @Override
    String receivedKey(Recorded request) {
        return request.header("x-api-key");
    }

    @Override
    void assertProviderSpecificShape(Recorded request, JsonNode body) {
        assertThat(request.header("x-api-key")).isEqualTo(key);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.header("Authorization")).isNull();
        assertThat(body.get("thinking").get("type").asText()).isEqualTo("enabled");
        assertThat(body.get("thinking").get("budget_tokens").asInt()).isEqualTo(5000);
        assertThat(body.get("max_tokens").asInt()).isGreaterThan(5000);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
        for (JsonNode tool : body.get("tools")) {
            assertThat(tool.get("input_schema").get("type").asText()).isEqualTo("object");
            assertThat(tool.get("description").asText()).isNotEmpty();
        }
    }

    @Override
    void assertHistoryKept(JsonNode first, JsonNode second) {
        JsonNode assistant = second.get("messages").get(1);
        assertThat(assistant.get("role").asText()).isEqualTo("assistant");
        JsonNode thinking = assistant.get("content").get(0);
        assertThat(thinking.get("type").asText()).isEqualTo("thinking");
        assertThat(thinking.get("thinking").asText()).isEqualTo("I need a tool.");
        assertThat(thinking.get("signature").asText()).isEqualTo("EqQBCgIYAhIM");
        assertThat(assistant.get("content").get(1).get("type").asText()).isEqualTo("tool_use");
        JsonNode results = second.get("messages").get(2);
        assertThat(results.get("role").asText()).isEqualTo("user");
        assertThat(results.get("content").get(0).get("type").asText()).isEqualTo("tool_result");
    }

    @Override
    String system(JsonNode body) {
        return body.get("system").asText();
    }

    @Override
    String firstUserText(JsonNode body) {
        JsonNode first = body.get("messages").get(0);
        assertThat(first.get("role").asText()).isEqualTo("user");
        return first.get("content").asText();
    }

    @Override
    List<String> toolNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("tools").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    @Override
    JsonNode toolParameters(JsonNode body, String toolName) {
        for (JsonNode t : body.get("tools")) {
            if (toolName.equals(t.get("name").asText())) {
                return t.get("input_schema");
            }
        }
        throw new AssertionError("no tool " + toolName);
    }

    @Override
    String toolResult(JsonNode body, String id) {
        for (JsonNode m : body.get("messages")) {
            if ("user".equals(m.get("role").asText()) && m.get("content").isArray()) {
                for (JsonNode block : m.get("content")) {
                    if ("tool_result".equals(block.path("type").asText()) && id.equals(block.get("tool_use_id").asText())) {
                        return block.get("content").asText();
                    }
                }
            }
        }
        return null;
    }

    @Override
    List<String> assistantToolCallIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            if ("assistant".equals(m.get("role").asText())) {
                for (JsonNode block : m.get("content")) {
                    if ("tool_use".equals(block.path("type").asText())) {
                        ids.add(block.get("id").asText());
                    }
                }
            }
        }
        return ids;
    }

    @Override
    String malformedHint() {
        return "content";
    }

    @Test
    void reasoningBudgetsMapToThinkingBudgets() {
        for (Object budget : List.<Object>of("minimal", "low", "medium", "high", 3000)) {
            stub.then(Reply.json(200, textReply("ok", null, 1, 1)));
            f.await(f.startId("Hi", "reasoningBudget", budget), "completed");
        }
        List<Recorded> requests = stub.requests();
        assertThat(requests).extracting(r -> r.json().get("thinking").get("budget_tokens").asInt())
                .containsExactly(1024, 2048, 5000, 10000, 3000);
        assertThat(requests).allSatisfy(r -> assertThat(r.json().get("max_tokens").asInt())
                .isGreaterThan(r.json().get("thinking").get("budget_tokens").asInt()));
    }

    @Test
    void noneAndZeroTurnThinkingOff() {
        for (Object budget : List.<Object>of("none", 0)) {
            stub.then(Reply.json(200, textReply("ok", null, 1, 1)));
            JsonNode job = f.await(f.startId("Hi", "reasoningBudget", budget), "completed");
            assertThat(job.get("reasoningBudget").toString()).isEqualTo(budget instanceof Integer ? "0" : "\"none\"");
        }
        assertThat(stub.requests()).allSatisfy(r -> assertThat(r.json().has("thinking")).isFalse());
    }

    @Test
    void theKeyIsRequiredEvenForALocalServer() {
        expect(f.api.delete("/api/v1/env/secrets/ANTHROPIC_API_KEY"), 200);
        assertThat(f.start("Hi").status()).isEqualTo(400);
    }

    @Test
    void usageCountsCacheReadsAsCachedInput() {
        ObjectNode body = parse(textReply("ok", null, 10, 5));
        ((ObjectNode) body.get("usage")).put("cache_read_input_tokens", 90).put("cache_creation_input_tokens", 4);
        stub.then(Reply.json(200, body.toString()));
        JsonNode usage = f.await(f.startId("Hi"), "completed").get("usage");
        assertThat(usage.get("inputTokens").asLong()).isEqualTo(104);
        assertThat(usage.get("cachedInputTokens").asLong()).isEqualTo(90);
        assertThat(usage.get("outputTokens").asLong()).isEqualTo(5);
    }

    @Override
    List<String> media(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            if ("user".equals(m.get("role").asText()) && m.get("content").isArray()) {
                for (JsonNode block : m.get("content")) {
                    for (JsonNode inner : block.path("content")) {
                        String type = inner.path("type").asText();
                        if ((type.equals("image") || type.equals("document"))
                                && "base64".equals(inner.path("source").path("type").asText())
                                && !inner.path("source").path("data").asText().isEmpty()) {
                            out.add((type.equals("image") ? "image:" : "file:")
                                    + inner.path("source").path("media_type").asText());
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    String truncatedToolCallReply(Call call) {
        ObjectNode body = (ObjectNode) parse(toolCallReply(null, call));
        body.put("stop_reason", "max_tokens");
        return body.toString();
    }

    @Override
    String filteredToolCallReply(Call call) {
        ObjectNode body = (ObjectNode) parse(toolCallReply(null, call));
        body.put("stop_reason", "refusal");
        return body.toString();
    }
}
