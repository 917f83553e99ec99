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

/** The {@code openai} provider against a stub of the Chat Completions API. */
class OpenAiProviderTest extends ProviderLoopScenarios {

    @Override
    String provider() {
        return "openai";
    }

    @Override
    String keySecret() {
        return "OPENAI_API_KEY";
    }

    @Override
    String baseUrlVariable() {
        return "OPENAI_BASE_URL";
    }

    @Override
    String baseUrl(StubModelServer stub) {
        return stub.url() + "/v1";
    }

    @Override
    ProviderSettings pointedAt(ProviderSettings settings, String url) {
        return settings.withOpenAiBaseUrl(url);
    }

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    String textReply(String text, String reasoning, int inputTokens, int outputTokens) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("role", "assistant").put("content", text);
        if (reasoning != null) {
            message.put("reasoning_content", reasoning);
        }
        return completion(message, "stop", inputTokens, outputTokens).toString();
    }

    @Override
    String toolCallReply(String text, Call... calls) {
        ObjectNode message = JsonNodeFactory.instance.objectNode().put("role", "assistant");
        if (text == null) {
            message.putNull("content");
        } else {
            message.put("content", text);
        }
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (Call c : calls) {
            toolCalls.addObject().put("id", c.id()).put("type", "function").putObject("function")
                    .put("name", c.name()).put("arguments", c.argsJson());
        }
        return completion(message, "tool_calls", 10, 7).toString();
    }

    private static ObjectNode completion(ObjectNode message, String finishReason, int in, int out) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", "chatcmpl-1").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.set("message", message);
        choice.put("finish_reason", finishReason);
        ObjectNode usage = body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out)
                .put("total_tokens", in + out);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
        return body;
    }

    @Override
    String errorBody(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("message", message).put("type", "invalid_request_error").putNull("param")
                .put("code", "error");
        return body.toString();
    }

    @Override
    Reply rateLimited(String message) {
        return Reply.json(429, errorBody(message)).withHeader("retry-after-ms", "400").withHeader("retry-after", "1");
    }

    @Override
    long rateLimitWaitMs() {
        return 400;
    }

    @Override
    String receivedKey(Recorded request) {
        String auth = request.header("Authorization");
        return auth == null ? null : auth.replaceFirst("^Bearer ", "");
    }

    @Override
    void assertProviderSpecificShape(Recorded request, JsonNode body) {
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + key);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
        assertThat(body.get("messages").get(1).get("role").asText()).isEqualTo("user");
        for (JsonNode tool : body.get("tools")) {
            assertThat(tool.get("type").asText()).isEqualTo("function");
            assertThat(tool.get("function").get("description").asText()).isNotEmpty();
        }
        assertThat(body.has("stream")).isFalse();
    }

    @Override
    void assertHistoryKept(JsonNode first, JsonNode second) {
        JsonNode assistant = second.get("messages").get(2);
        assertThat(assistant.get("role").asText()).isEqualTo("assistant");
        JsonNode call = assistant.get("tool_calls").get(0);
        assertThat(call.get("type").asText()).isEqualTo("function");
        assertThat(call.get("function").get("name").asText()).isEqualTo("ask__askUser");
        assertThat(parse(call.get("function").get("arguments").asText()).get("question").asText()).isEqualTo("Which color?");
        assertThat(second.get("messages").get(3).get("role").asText()).isEqualTo("tool");
    }

    @Override
    String system(JsonNode body) {
        JsonNode first = body.get("messages").get(0);
        assertThat(first.get("role").asText()).isEqualTo("system");
        return first.get("content").asText();
    }

    @Override
    String firstUserText(JsonNode body) {
        for (JsonNode m : body.get("messages")) {
            if ("user".equals(m.get("role").asText())) {
                return m.get("content").asText();
            }
        }
        return null;
    }

    @Override
    List<String> toolNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.path("tools").forEach(t -> names.add(t.get("function").get("name").asText()));
        return names;
    }

    @Override
    JsonNode toolParameters(JsonNode body, String toolName) {
        for (JsonNode t : body.get("tools")) {
            if (toolName.equals(t.get("function").get("name").asText())) {
                return t.get("function").get("parameters");
            }
        }
        throw new AssertionError("no tool " + toolName);
    }

    @Override
    String toolResult(JsonNode body, String id) {
        for (JsonNode m : body.get("messages")) {
            if ("tool".equals(m.get("role").asText()) && id.equals(m.get("tool_call_id").asText())) {
                return m.get("content").asText();
            }
        }
        return null;
    }

    @Override
    List<String> assistantToolCallIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            if ("assistant".equals(m.get("role").asText())) {
                m.path("tool_calls").forEach(c -> ids.add(c.get("id").asText()));
            }
        }
        return ids;
    }

    @Override
    String malformedHint() {
        return "choices";
    }

    /** The example of docs/providers.md: a local OpenAI-compatible server (Ollama) needs no key. */
    @Test
    void aLocalOpenAiCompatibleServerNeedsNoKey() {
        expect(f.api.delete("/api/v1/env/secrets/OPENAI_API_KEY"), 200);
        stub.then(Reply.json(200, textReply("Four.", null, 30, 2)));
        String id = f.startId("What is 2 + 2?", "model", "llama3.2");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Four.");
        Recorded r = stub.requests().get(0);
        assertThat(r.header("Authorization")).isNull();
        assertThat(r.json().get("model").asText()).isEqualTo("llama3.2");
    }

    @Test
    void reasoningModelsGetCoresReasoningEffortAndOthersNone() {
        List<Object[]> cases = List.of(new Object[] {"gpt-5", "minimal", "low"}, new Object[] {"o3-mini", "high", "high"},
                new Object[] {"gpt-5", 2048, "low"}, new Object[] {"gpt-5", 4096, "medium"},
                new Object[] {"gpt-5", 20000, "high"}, new Object[] {"gpt-5", "none", null},
                new Object[] {"gpt-5", 0, null}, new Object[] {"gpt-4o", "high", null});
        for (Object[] c : cases) {
            stub.then(Reply.json(200, textReply("ok", null, 1, 1)));
            f.await(f.startId("Hi", "model", c[0], "reasoningBudget", c[1]), "completed");
        }
        List<Recorded> requests = stub.requests();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode effort = requests.get(i).json().get("reasoning_effort");
            assertThat(effort == null ? null : effort.asText()).as("%s", java.util.Arrays.toString(cases.get(i))).isEqualTo(cases.get(i)[2]);
        }
    }

    @Test
    void theDefaultModelIsUsedWhenTheJobNamesNone() {
        stub.then(Reply.json(200, textReply("ok", null, 1, 1)));
        String id = f.startId("Hi");
        f.await(id, "completed");
        assertThat(stub.requests().get(0).json().get("model").asText()).isEqualTo("gpt-4o-mini");
        // The default model is in the context-window table: the checkpoint says how much of it the job used.
        JsonNode cp = f.checkpoints(id).get(0);
        assertThat(cp.get("contextWindow").asLong()).isEqualTo(128_000);
        JsonNode u = cp.get("usage");
        assertThat(cp.get("contextWindowUsage").asDouble()).isEqualTo((u.get("inputTokens").asLong()
                + u.get("cachedInputTokens").asLong() + u.get("outputTokens").asLong()) / 128_000.0);
    }

    @Test
    void aToolTheModelWasNotOfferedStopsTheJob() {
        stub.then(Reply.json(200, toolCallReply(null, new Call("call_x", "rm_rf", "{}"))));
        JsonNode job = f.await(f.startId("Hi"), "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("UnknownTool");
        assertThat(job.get("error").get("message").asText()).contains("rm_rf").contains("ask__askUser");
    }

    @Test
    void toolArgumentsThatAreNotJsonAreAMalformedResponse() {
        stub.then(Reply.json(200, toolCallReply(null, new Call("call_x", "ask__askUser", "{not json"))));
        JsonNode job = f.await(f.startId("Hi"), "stoppedByError");
        assertThat(job.get("error").get("name").asText()).isEqualTo("MalformedResponse");
        assertThat(job.get("error").get("message").asText()).contains("tool_calls[0].function.arguments");
    }

    @Test
    void usageSeparatesReasoningAndCachedTokens() {
        ObjectNode body = parse(textReply("ok", null, 100, 50));
        ((ObjectNode) body.get("usage").get("prompt_tokens_details")).put("cached_tokens", 60);
        ((ObjectNode) body.get("usage").get("completion_tokens_details")).put("reasoning_tokens", 20);
        stub.then(Reply.json(200, body.toString()));
        JsonNode usage = f.await(f.startId("Hi"), "completed").get("usage");
        assertThat(usage.get("inputTokens").asLong()).isEqualTo(100);
        assertThat(usage.get("cachedInputTokens").asLong()).isEqualTo(60);
        assertThat(usage.get("outputTokens").asLong()).isEqualTo(30);
        assertThat(usage.get("reasoningTokens").asLong()).isEqualTo(20);
        assertThat(usage.get("totalTokens").asLong()).isEqualTo(150);
    }

    @Override
    List<String> media(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : body.get("messages")) {
            if ("user".equals(m.get("role").asText()) && m.get("content").isArray()) {
                for (JsonNode part : m.get("content")) {
                    String url = part.path("image_url").path("url").asText(part.path("file").path("file_data").asText());
                    if (url.startsWith("data:")) {
                        out.add(("image_url".equals(part.get("type").asText()) ? "image:" : "file:")
                                + url.substring(5, url.indexOf(';')));
                    }
                }
            }
        }
        return out;
    }

    @Override
    String truncatedToolCallReply(Call call) {
        ObjectNode body = (ObjectNode) parse(toolCallReply(null, call));
        ObjectNode choice = (ObjectNode) body.get("choices").get(0);
        choice.put("finish_reason", "length");
        // cut off in the middle of the arguments, as a real reply at the limit is
        ObjectNode function = (ObjectNode) choice.get("message").get("tool_calls").get(0).get("function");
        String args = function.get("arguments").asText();
        function.put("arguments", args.substring(0, args.length() - 2));
        return body.toString();
    }

    @Override
    String filteredToolCallReply(Call call) {
        ObjectNode body = (ObjectNode) parse(toolCallReply(null, call));
        ((ObjectNode) body.get("choices").get(0)).put("finish_reason", "content_filter");
        return body.toString();
    }
}
