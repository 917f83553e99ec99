package ai.perstack.server.providers.chat;

import ai.perstack.server.providers.Action;
import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.providers.StepContext;
import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime loop of the chat-style model providers ({@code openai}, {@code anthropic}, {@code deepseek},
 * {@code ollama}); the
 * subclasses only speak their wire format. A run goes:
 * <ol>
 * <li>the query step (checkpoint {@code init}): the conversation starts with the run's query;</li>
 * <li>each further model call sends core's system prompt (instruction, skill rules, delegates), the
 *     conversation with the results of the previous reply's calls (all of them, handed in by the runtime), and
 *     the skills' tools, interactive tools and delegates as function tools; the reply becomes an {@link Action}:
 *     text alone completes the run, tool calls are resolved by name and returned all together for the runtime
 *     to execute, an empty reply is {@link Action.Empty}.</li>
 * </ol>
 * Only the conversation lives in the run's memo (saved with each checkpoint), so a run survives a
 * {@code continue} and a restart: {@code messages} (see {@link Conversation}), {@code failures} and
 * {@code retryDelayMs} (the backoff). Memos of the earlier one-call-per-step loop also hold {@code pending},
 * {@code awaiting} and {@code results}; {@link LegacyChatMemo} hands those to the runtime. The API key is
 * read from the job's environment on every call and never stored.
 */
public abstract class ChatProvider implements ModelProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ChatProvider.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ProviderHttp http;

    protected ChatProvider(ProviderSettings settings) {
        this.http = new ProviderHttp(settings);
    }

    /** Where and how to send a model call. */
    public record Endpoint(URI uri, Map<String, String> headers, String displayName) {
    }

    /** The model used when the job names none, or null when a job must name one. */
    public abstract String defaultModel();

    @Override
    public boolean requiresModel() {
        return defaultModel() == null;
    }

    /** The URL and headers (with the key) of a model call in this environment. */
    protected abstract Endpoint endpoint(JobEnvironment environment) throws ProviderFailure;

    /** The request body of a call in this provider's wire format. */
    protected abstract JsonNode requestBody(ChatRequest request);

    /**
     * Reads a successful response.
     *
     * @throws ProviderFailure named {@code MalformedResponse}, saying what was wrong, when the body does not fit the format
     */
    protected abstract ChatReply parseReply(JsonNode body) throws ProviderFailure;

    @Override
    public void checkQuery(String query, JsonNode coordinator) {
        // Any text is a query for a model.
    }

    @Override
    public final Action next(StepContext ctx) throws ProviderFailure, InterruptedException {
        ObjectNode memo = ctx.memo();
        if (!memo.has("messages")) {
            memo.putArray("messages").add(Conversation.user(userText(ctx)));
            // built once, when the run starts, as core builds it at status init
            memo.put("system", SystemPrompt.of(ctx.expert(), ctx.delegates(), java.time.Instant.now()));
            return new Action.Query(ctx.runQuery(), Usage.NONE);
        }
        long delay = memo.path("retryDelayMs").asLong(0);
        if (delay > 0) {
            ctx.sleeper().sleep(delay);
            memo.remove("retryDelayMs");
        }
        ArrayNode messages = memo.withArray("messages").deepCopy();
        if (!ctx.results().isEmpty()) {
            messages.add(Conversation.toolResults(messages, ctx.results()));
        }
        for (String note : ctx.retryMessages()) {
            messages.add(Conversation.user(note));
        }
        Map<String, ChatTool> tools = ctx.finalAnswer() ? Map.of()
                : ChatTool.forExpert(ctx.expert(), ctx.delegates(), ctx.tools().list());
        String model = ctx.model() != null ? ctx.model() : defaultModel();
        if (model == null) {
            // A start without a model is refused; this is a continuation that moved the job to such a provider.
            throw new ProviderFailure("ConfigurationError", "the " + name() + " provider needs a model: name one"
                    + " with the job's model", false);
        }
        ChatRequest request = new ChatRequest(model,
                memo.hasNonNull("system") ? memo.get("system").asText() : ctx.expert().path("instruction").asText(""),
                messages, tools.values(), ctx.reasoningBudget());
        ChatReply reply;
        try {
            reply = call(request, ctx);
        } catch (ProviderFailure f) {
            // Messages are scrubbed of secret values before they get here.
            LOG.info("{} model call failed ({}, {}): {}", name(), f.name(), f.retryable() ? "retryable" : "final",
                    f.getMessage());
            if (f.retryable()) {
                int failures = memo.path("failures").asInt(0) + 1;
                memo.put("failures", failures);
                Duration wait = http.settings().retryDelay(failures, f.retryAfter());
                memo.put("retryDelayMs", wait.toMillis());
            }
            throw f;
        }
        memo.put("failures", 0);
        if (ctx.finalAnswer()) {
            // core's final answer: whatever the reply says (maybe nothing) completes the run
            messages.add(Conversation.assistant(reply.text(), List.of(), null));
            memo.set("messages", messages);
            return new Action.Complete(reply.text() == null ? "" : reply.text(), reply.usage(), reply.reasoning());
        }
        List<Action.Call> calls = new ArrayList<>();
        for (ChatReply.ToolCall c : reply.toolCalls()) {
            calls.add(resolve(c, tools));
        }
        if (reply.truncated() && !calls.isEmpty()) {
            // core's retry after a reply cut off at the output limit: the first call, answered with the reason
            ChatReply.ToolCall first = reply.toolCalls().get(0);
            messages.add(Conversation.assistant(null, List.of(first), null));
            messages.add(Conversation.toolResults(messages, List.of(lengthExceeded(calls.get(0)))));
            memo.set("messages", messages);
            return new Action.Truncated(reply.usage());
        }
        if (calls.isEmpty() && (reply.text() == null || reply.text().isEmpty())) {
            // (any text, even only white space, completes the run, as in core)
            // the results and notes sent are part of the conversation now; the runtime adds its retry note
            memo.set("messages", messages);
            return new Action.Empty(reply.usage());
        }
        if (!calls.isEmpty() && reply.finish() != ChatReply.Finish.STOP && reply.finish() != ChatReply.Finish.TOOL_CALLS) {
            // core goes on with tool calls only after stop or tool-calls (length was retried above); it fails the run
            throw new ProviderFailure("Error", "Unexpected finish reason: " + reply.finish().coreName(), false);
        }
        messages.add(reply.message());
        memo.set("messages", messages);
        if (calls.isEmpty()) {
            return new Action.Complete(reply.text(), reply.usage(), reply.reasoning());
        }
        // Text next to tool calls is the model thinking aloud: recorded with its reasoning.
        return new Action.ToolCalls(calls, reply.text(), reply.usage(), join(reply.reasoning(), reply.text()));
    }

    /** Core's synthetic result for the first call of a reply cut off at the output limit. */
    private static Action.Result lengthExceeded(Action.Call call) {
        ArrayNode parts = NODES.arrayNode();
        parts.addObject().put("type", "textPart").put("text", NODES.objectNode()
                .put("error", "Error: Tool call generation failed")
                .put("message", "Generation length exceeded. Try again.")
                .toString());
        return new Action.Result(call.id(), call.kind(), call.skillName(), call.toolName(), parts);
    }

    private ChatReply call(ChatRequest request, StepContext ctx) throws ProviderFailure, InterruptedException {
        JobEnvironment env = ctx.environment();
        Endpoint endpoint = endpoint(env);
        JsonNode body = http.postJson(name(), endpoint.uri(), endpoint.displayName(), endpoint.headers(),
                requestBody(request), ctx, env::scrub);
        try {
            return parseReply(body);
        } catch (ProviderFailure f) {
            throw new ProviderFailure(f.name(), env.scrub(f.getMessage()), f.retryable(), f.retryAfter(), f.statusCode());
        }
    }

    /** A tool call resolved by its name against the offered tools. */
    private Action.Call resolve(ChatReply.ToolCall c, Map<String, ChatTool> tools) throws ProviderFailure {
        ChatTool tool = tools.get(c.name());
        if (tool == null) {
            throw new ProviderFailure("UnknownTool", name() + " called the tool " + c.name()
                    + ", which was not offered (offered: " + String.join(", ", tools.keySet()) + ")", false);
        }
        if (tool.isSkillTool()) {
            return new Action.Call(c.id(), Action.Kind.SKILL, tool.skillName(), tool.toolName(), c.args());
        }
        if (tool.isDelegate()) {
            JsonNode query = c.args().get("query");
            if (query == null || !query.isTextual() || query.asText().isBlank()) {
                throw new ProviderFailure("MalformedResponse", name() + " called " + c.name()
                        + " without a query (arguments: " + c.args() + ")", false);
            }
            return new Action.Call(c.id(), Action.Kind.DELEGATE, tool.delegateTo(),
                    Action.Call.delegateToolName(tool.delegateTo()), c.args());
        }
        return new Action.Call(c.id(), Action.Kind.INTERACTIVE, tool.skillName(), tool.toolName(), c.args());
    }

    /** The first message of a run: its query and, for the coordinator, the job's file names. */
    static String userText(StepContext ctx) {
        StringBuilder b = new StringBuilder(ctx.runQuery() == null ? "" : ctx.runQuery());
        if (!ctx.delegate() && ctx.files() != null && !ctx.files().isEmpty()) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append("Files:");
            ctx.files().forEach(f -> b.append("\n- ").append(f));
        }
        return b.toString();
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null || b.isBlank() ? null : b;
        }
        return b == null || b.isBlank() ? a : a + "\n\n" + b;
    }

    /** Whether a base URL points at this machine ({@code localhost}, {@code 127.x.x.x}, {@code ::1}). */
    public static boolean isLoopback(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String host = new URI(url.strip()).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** {@code base} + {@code path}, keeping the base's own path. */
    protected static URI resolve(URI base, String path) {
        return URI.create(base.toString() + path);
    }

    /** The provider's key (only ever read from a secret), or a final failure naming the secret when it is not set. */
    protected String requireKey(JobEnvironment env) throws ProviderFailure {
        String key = env.isSecret(keySecret()) ? env.get(keySecret()) : null;
        if (key == null || key.isBlank()) {
            throw new ProviderFailure("ConfigurationError", "secret " + keySecret() + " is not set; the " + name()
                    + " provider needs it", false);
        }
        String stripped = key.strip();
        if (!headerSafe(stripped)) {
            // Said without the value: an HTTP client's own error would quote it.
            throw new ProviderFailure("ConfigurationError", "secret " + keySecret() + " holds characters an HTTP "
                    + "header cannot carry (only printable ASCII is allowed: no control characters, NUL, line "
                    + "breaks or non-ASCII letters); set it again", false);
        }
        return stripped;
    }

    /** Whether {@code value} is printable ASCII (space included), so that any HTTP client sends it as is. */
    static boolean headerSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
