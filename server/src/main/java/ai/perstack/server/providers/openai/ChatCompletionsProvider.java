package ai.perstack.server.providers.openai;

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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chat Completions wire format, which OpenAI's API and every server that speaks it share (DeepSeek, Ollama,
 * vLLM, LM Studio...): {@code POST {base URL}/chat/completions}, with {@code Authorization: Bearer} the provider's
 * key secret when there is one. The base URL is the operator's ({@link ProviderSettings}); subclasses name the
 * provider, its key and what of the reasoning budget its models take.
 */
public abstract class ChatCompletionsProvider extends ChatProvider {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final String keySecret;
    private final String defaultModel;
    private final URI base;

    /**
     * @param settings     the timeouts and retry waits of every call
     * @param name         the provider's name in the API
     * @param keySecret    the secret holding its key, or null when it takes none
     * @param defaultModel the model of a job that names none, or null when a job must name one
     * @param base         the base URL {@code /chat/completions} is appended to
     */
    protected ChatCompletionsProvider(ProviderSettings settings, String name, String keySecret, String defaultModel,
                                      URI base) {
        super(settings);
        this.name = name;
        this.keySecret = keySecret;
        this.defaultModel = defaultModel;
        this.base = base;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String keySecret() {
        return keySecret;
    }

    @Override
    public final String defaultModel() {
        return defaultModel;
    }

    /** Where the calls go. */
    protected final URI base() {
        return base;
    }

    /** No key is needed for a server on this machine; elsewhere the key secret is. */
    @Override
    public String requiredSecret() {
        return keySecret() == null || isLoopback(base.toString()) ? null : keySecret();
    }

    /**
     * Adds what the model takes of the job's reasoning budget to the request body (nothing by default).
     *
     * @param body    the request body so far
     * @param request the call
     */
    protected void addReasoning(ObjectNode body, ChatRequest request) {
    }

    @Override
    protected final Endpoint endpoint(JobEnvironment env) throws ProviderFailure {
        Map<String, String> headers = new LinkedHashMap<>();
        String secret = keySecret();
        boolean hasKey = secret != null && env.isSecret(secret) && !env.get(secret).isBlank();
        if (requiredSecret() != null || hasKey) {
            headers.put("Authorization", "Bearer " + requireKey(env));
        }
        return new Endpoint(resolve(base, "/chat/completions"), headers, base.toString());
    }

    @Override
    protected final JsonNode requestBody(ChatRequest request) {
        ObjectNode body = NODES.objectNode().put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", request.system());
        for (JsonNode m : request.messages()) {
            if (Conversation.isUser(m)) {
                messages.addObject().put("role", "user").put("content", m.path("text").asText());
            } else if (Conversation.isAssistant(m)) {
                ObjectNode out = messages.addObject().put("role", "assistant");
                if (m.hasNonNull("text")) {
                    out.put("content", m.get("text").asText());
                } else {
                    out.putNull("content");
                }
                if (!m.path("toolCalls").isEmpty()) {
                    ArrayNode calls = out.putArray("tool_calls");
                    for (JsonNode c : m.path("toolCalls")) {
                        calls.addObject().put("id", c.path("id").asText()).put("type", "function")
                                .putObject("function").put("name", c.path("name").asText())
                                .put("arguments", c.path("args").toString());
                    }
                }
            } else if (Conversation.isToolResults(m)) {
                // Chat Completions takes only text in a tool message: images and files follow in one user message
                ArrayNode media = NODES.arrayNode();
                for (JsonNode r : m.path("results")) {
                    messages.addObject().put("role", "tool").put("tool_call_id", r.path("id").asText())
                            .put("content", r.path("content").asText());
                    if (r.path("media").isArray() && !r.path("media").isEmpty()) {
                        media.addObject().put("type", "text").put("text", "Attached by the result of tool call "
                                + r.path("id").asText() + " (" + r.path("name").asText() + "):");
                        r.path("media").forEach(p -> media.add(mediaPart(p)));
                    }
                }
                if (!media.isEmpty()) {
                    messages.addObject().put("role", "user").set("content", media);
                }
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ChatTool t : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function")
                        .put("name", t.name()).put("description", t.description());
                function.set("parameters", t.parameters());
            }
        }
        addReasoning(body, request);
        return body;
    }

    /** An inline image as an {@code image_url} part, an inline file as a {@code file} part, both as data URLs. */
    private static ObjectNode mediaPart(JsonNode part) {
        String url = "data:" + part.path("mimeType").asText() + ";base64," + part.path("encodedData").asText();
        ObjectNode out = NODES.objectNode();
        if ("imageInlinePart".equals(part.path("type").asText())) {
            out.put("type", "image_url").putObject("image_url").put("url", url);
        } else {
            String extension = part.path("mimeType").asText().endsWith("/pdf") ? ".pdf" : "";
            out.put("type", "file").putObject("file").put("filename", "file" + extension).put("file_data", url);
        }
        return out;
    }

    @Override
    protected final ChatReply parseReply(JsonNode body) throws ProviderFailure {
        JsonNode choices = body.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw malformed("the response has no choices");
        }
        JsonNode message = choices.get(0).path("message");
        if (!message.isObject()) {
            throw malformed("choices[0].message is missing");
        }
        String text = text(message.get("content"));
        List<ChatReply.ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        if (!toolCalls.isMissingNode() && !toolCalls.isNull() && !toolCalls.isArray()) {
            throw malformed("choices[0].message.tool_calls is not an array");
        }
        ChatReply.Finish finish = ChatReply.Finish.ofChatCompletions(choices.get(0).path("finish_reason").asText(null));
        boolean truncated = finish == ChatReply.Finish.LENGTH;
        int i = 0;
        for (JsonNode c : toolCalls) {
            String at = "choices[0].message.tool_calls[" + i++ + "]";
            JsonNode function = c.path("function");
            if (!c.path("id").isTextual() || c.path("id").asText().isEmpty()) {
                throw malformed(at + ".id is missing");
            }
            if (!function.path("name").isTextual()) {
                throw malformed(at + ".function.name is missing");
            }
            ObjectNode args;
            try {
                args = arguments(function.get("arguments"), at + ".function.arguments");
            } catch (ProviderFailure f) {
                if (!truncated) {
                    throw f;
                }
                // arguments cut off at the output limit: the call is answered with core's length retry anyway
                args = NODES.objectNode();
            }
            calls.add(new ChatReply.ToolCall(c.get("id").asText(), function.get("name").asText(), args));
        }
        String reasoning = text(message.get("reasoning_content"));
        if (reasoning == null) {
            reasoning = text(message.get("reasoning"));
        }
        JsonNode usage = body.path("usage");
        long prompt = usage.path("prompt_tokens").asLong(0);
        long completion = usage.path("completion_tokens").asLong(0);
        long reasoningTokens = Math.min(completion, usage.path("completion_tokens_details").path("reasoning_tokens").asLong(0));
        long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        return new ChatReply(text, reasoning, calls, new Usage(prompt, completion - reasoningTokens, reasoningTokens, cached),
                Conversation.assistant(text, calls, null), finish);
    }

    /** {@code content} as text: a string, or the text parts of an array of content parts. */
    private String text(JsonNode content) throws ProviderFailure {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    b.append(part.get("text").asText());
                }
            }
            return b.toString();
        }
        throw malformed("choices[0].message.content is neither text nor a list of parts");
    }

    /** Arguments arrive as a JSON string (some servers send the object itself); an empty string is {}. */
    private ObjectNode arguments(JsonNode raw, String at) throws ProviderFailure {
        if (raw == null || raw.isNull() || (raw.isTextual() && raw.asText().isBlank())) {
            return NODES.objectNode();
        }
        if (raw.isObject()) {
            return (ObjectNode) raw;
        }
        if (raw.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(raw.asText());
                if (parsed instanceof ObjectNode o) {
                    return o;
                }
            } catch (IOException e) {
                throw malformed(at + " is not valid JSON");
            }
        }
        throw malformed(at + " is not a JSON object");
    }

    private ProviderFailure malformed(String what) {
        return new ProviderFailure("MalformedResponse", name() + " returned a malformed response: " + what, false);
    }
}
