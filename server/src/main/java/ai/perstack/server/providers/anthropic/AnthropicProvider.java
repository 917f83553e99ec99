package ai.perstack.server.providers.anthropic;

import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.providers.Usage;
import ai.perstack.server.providers.chat.ChatProvider;
import ai.perstack.server.providers.chat.ChatReply;
import ai.perstack.server.providers.chat.ChatRequest;
import ai.perstack.server.providers.chat.ChatTool;
import ai.perstack.server.providers.chat.Conversation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ai.perstack.server.providers.ReasoningBudget;

/**
 * Anthropic's Messages API: {@code POST {base URL}/v1/messages} (the operator's, {@link ProviderSettings#anthropicBaseUrl()}) with {@code x-api-key}
 * the secret {@code ANTHROPIC_API_KEY} and {@code anthropic-version: 2023-06-01}. The job's
 * reasoning budget turns on extended thinking (core's tokens: minimal 1024, low 2048, medium 5000, high
 * 10000, a number as is; {@code none} or 0 is off); the thinking text is recorded as the step's {@code reasoning}, and thinking blocks go
 * back to the model unchanged.
 */
public final class AnthropicProvider extends ChatProvider {
    public static final String KEY_SECRET = "ANTHROPIC_API_KEY";
    public static final String DEFAULT_MODEL = "claude-sonnet-4-5";
    public static final String API_VERSION = "2023-06-01";
    /** Room for the answer on top of the thinking budget ({@code max_tokens} must exceed {@code budget_tokens}). */
    static final int ANSWER_TOKENS = 8192;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI base;

    public AnthropicProvider(ProviderSettings settings) {
        super(settings);
        this.base = settings.anthropicBaseUrl();
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public String keySecret() {
        return KEY_SECRET;
    }

    @Override
    public String defaultModel() {
        return DEFAULT_MODEL;
    }

    /** The thinking budget of a reasoning budget, or 0 for none. */
    static int thinkingBudget(ReasoningBudget reasoningBudget) {
        return reasoningBudget == null ? 0 : (int) reasoningBudget.tokens();
    }

    @Override
    protected Endpoint endpoint(JobEnvironment env) throws ProviderFailure {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-api-key", requireKey(env));
        headers.put("anthropic-version", API_VERSION);
        return new Endpoint(resolve(base, "/v1/messages"), headers, base.toString());
    }

    @Override
    protected JsonNode requestBody(ChatRequest request) {
        int budget = thinkingBudget(request.reasoningBudget());
        ObjectNode body = NODES.objectNode().put("model", request.model()).put("max_tokens", budget + ANSWER_TOKENS)
                .put("system", request.system());
        ArrayNode messages = body.putArray("messages");
        for (JsonNode m : request.messages()) {
            if (Conversation.isUser(m)) {
                messages.addObject().put("role", "user").put("content", m.path("text").asText());
            } else if (Conversation.isAssistant(m)) {
                ObjectNode out = messages.addObject().put("role", "assistant");
                if (m.path("anthropicContent").isArray()) {
                    out.set("content", m.get("anthropicContent"));
                    continue;
                }
                ArrayNode content = out.putArray("content");
                if (m.hasNonNull("text") && !m.get("text").asText().isEmpty()) {
                    content.addObject().put("type", "text").put("text", m.get("text").asText());
                }
                for (JsonNode c : m.path("toolCalls")) {
                    ObjectNode use = content.addObject().put("type", "tool_use").put("id", c.path("id").asText())
                            .put("name", c.path("name").asText());
                    use.set("input", c.path("args"));
                }
            } else if (Conversation.isToolResults(m)) {
                ArrayNode content = messages.addObject().put("role", "user").putArray("content");
                for (JsonNode r : m.path("results")) {
                    ObjectNode result = content.addObject().put("type", "tool_result")
                            .put("tool_use_id", r.path("id").asText());
                    if (r.path("media").isArray() && !r.path("media").isEmpty()) {
                        // images and documents go inside the tool_result, beside its text
                        ArrayNode blocks = result.putArray("content");
                        if (!r.path("content").asText().isEmpty()) {
                            blocks.addObject().put("type", "text").put("text", r.path("content").asText());
                        }
                        r.path("media").forEach(p -> blocks.add(mediaBlock(p)));
                    } else {
                        result.put("content", r.path("content").asText());
                    }
                }
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ChatTool t : request.tools()) {
                ObjectNode tool = tools.addObject().put("name", t.name()).put("description", t.description());
                tool.set("input_schema", t.parameters());
            }
        }
        if (budget > 0) {
            body.putObject("thinking").put("type", "enabled").put("budget_tokens", budget);
        }
        return body;
    }

    /** An inline image as an {@code image} block, an inline file as a {@code document} block (base64 sources). */
    private static ObjectNode mediaBlock(JsonNode part) {
        ObjectNode block = NODES.objectNode().put("type",
                "imageInlinePart".equals(part.path("type").asText()) ? "image" : "document");
        block.putObject("source").put("type", "base64").put("media_type", part.path("mimeType").asText())
                .put("data", part.path("encodedData").asText());
        return block;
    }

    @Override
    protected ChatReply parseReply(JsonNode body) throws ProviderFailure {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            throw malformed("the response has no content array");
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        boolean hasText = false;
        List<ChatReply.ToolCall> calls = new ArrayList<>();
        int i = 0;
        for (JsonNode block : content) {
            String at = "content[" + i++ + "]";
            switch (block.path("type").asText()) {
                case "text" -> {
                    if (!block.path("text").isTextual()) {
                        throw malformed(at + ".text is missing");
                    }
                    text.append(block.get("text").asText());
                    hasText = true;
                }
                case "thinking" -> {
                    if (block.path("thinking").isTextual()) {
                        if (thinking.length() > 0) {
                            thinking.append("\n\n");
                        }
                        thinking.append(block.get("thinking").asText());
                    }
                }
                case "tool_use" -> {
                    if (!block.path("id").isTextual() || block.get("id").asText().isEmpty()) {
                        throw malformed(at + ".id is missing");
                    }
                    if (!block.path("name").isTextual()) {
                        throw malformed(at + ".name is missing");
                    }
                    JsonNode input = block.get("input");
                    if (input != null && !input.isNull() && !input.isObject()) {
                        throw malformed(at + ".input is not a JSON object");
                    }
                    calls.add(new ChatReply.ToolCall(block.get("id").asText(), block.get("name").asText(),
                            input instanceof ObjectNode o ? o : NODES.objectNode()));
                }
                case "" -> throw malformed(at + ".type is missing");
                default -> {
                    // redacted_thinking and block types this server does not know: kept for the history only
                }
            }
        }
        JsonNode usage = body.path("usage");
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long input = usage.path("input_tokens").asLong(0) + cacheRead + usage.path("cache_creation_input_tokens").asLong(0);
        String reply = hasText ? text.toString() : null;
        return new ChatReply(reply, thinking.length() == 0 ? null : thinking.toString(), calls,
                new Usage(input, usage.path("output_tokens").asLong(0), 0, cacheRead),
                Conversation.assistant(reply, calls, content), ChatReply.Finish.ofAnthropic(body.path("stop_reason").asText(null)));
    }

    private static ProviderFailure malformed(String what) {
        return new ProviderFailure("MalformedResponse", "anthropic returned a malformed response: " + what, false);
    }
}
