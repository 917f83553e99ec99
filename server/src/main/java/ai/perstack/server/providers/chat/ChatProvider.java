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
 * The runtime loop of the chat-style model providers ({@code openai}, {@code anthropic}); the
 * subclasses only speak their wire format. A run goes:
 * <ol>
 * <li>the query step (checkpoint {@code init}): the conversation starts with the run's query;</li>
 * <li>each further step calls the model once with core's system prompt (instruction, skill rules, delegates),
 *     the conversation, and the expert's interactive tools and delegates as function tools:
 *     <ul>
 *     <li>a reply with text and no tool call completes the run with that text;</li>
 *     <li>a call of an interactive tool stops the job; the answer of the {@code continue} goes
 *         back to the model as that call's result;</li>
 *     <li>a call of a delegate runs the delegate; its result goes back as the call's result.</li>
 *     </ul>
 *     When a reply calls several tools, the following steps take them one by one without calling
 *     the model, and the next model call carries all their results.</li>
 * </ol>
 * Everything lives in the run's memo (saved with each checkpoint), so a run survives a
 * {@code continue} and a restart: {@code messages} (see {@link Conversation}), {@code pending}
 * (tool calls not taken yet), {@code awaiting} (the call whose result is due), {@code results}
 * (results not sent yet), {@code failures} and {@code retryDelayMs} (the backoff). The API key is
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

    /** The model used when the job names none. */
    public abstract String defaultModel();

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
            memo.putArray("pending");
            memo.putArray("results");
            return new Action.Query(ctx.runQuery(), Usage.NONE);
        }
        long delay = memo.path("retryDelayMs").asLong(0);
        if (delay > 0) {
            ctx.sleeper().sleep(delay);
            memo.remove("retryDelayMs");
        }
        ArrayNode results = memo.withArray("results").deepCopy();
        JsonNode awaiting = memo.get("awaiting");
        if (awaiting != null && !awaiting.isNull()) {
            String kind = awaiting.path("kind").asText();
            String content = switch (kind) {
                case "delegate" -> ctx.delegateResult();
                case "skill" -> ctx.toolResult();
                default -> ctx.answer();
            };
            if (content == null) {
                throw new ProviderFailure("MissingToolResult", "the run waits for the result of tool call "
                        + awaiting.path("id").asText() + " (" + awaiting.path("name").asText() + ") but has none", false);
            }
            results.add(Conversation.result(awaiting.path("id").asText(), awaiting.path("name").asText(), content));
        }
        ArrayNode pending = memo.withArray("pending");
        if (!pending.isEmpty()) {
            ObjectNode call = (ObjectNode) pending.remove(0);
            memo.set("results", results);
            return dispatch(memo, call, Usage.NONE, null);
        }

        ArrayNode messages = memo.withArray("messages").deepCopy();
        if (!results.isEmpty()) {
            messages.add(Conversation.toolResults(results));
        }
        Map<String, ChatTool> tools = ChatTool.forExpert(ctx.expert(), ctx.delegates(), ctx.tools().list());
        ChatRequest request = new ChatRequest(ctx.model() != null ? ctx.model() : defaultModel(),
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
        List<ObjectNode> calls = new ArrayList<>();
        for (ChatReply.ToolCall c : reply.toolCalls()) {
            calls.add(resolve(c, tools));
        }
        if (calls.isEmpty() && (reply.text() == null || reply.text().isBlank())) {
            throw new ProviderFailure("MalformedResponse", name() + " replied with neither text nor a tool call", false);
        }
        messages.add(reply.message());
        memo.set("messages", messages);
        memo.putArray("results");
        memo.remove("awaiting");
        memo.put("failures", 0);
        if (calls.isEmpty()) {
            return new Action.Complete(reply.text(), reply.usage(), reply.reasoning());
        }
        ArrayNode queue = memo.putArray("pending");
        calls.subList(1, calls.size()).forEach(queue::add);
        // Text next to tool calls is the model thinking aloud: recorded with its reasoning.
        String reasoning = join(reply.reasoning(), reply.text());
        return dispatch(memo, calls.get(0), reply.usage(), reasoning);
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

    /** A tool call checked against the offered tools, as kept in {@code pending}. */
    private ObjectNode resolve(ChatReply.ToolCall c, Map<String, ChatTool> tools) throws ProviderFailure {
        ChatTool tool = tools.get(c.name());
        if (tool == null) {
            throw new ProviderFailure("UnknownTool", name() + " called the tool " + c.name()
                    + ", which was not offered (offered: " + String.join(", ", tools.keySet()) + ")", false);
        }
        ObjectNode call = NODES.objectNode().put("id", c.id()).put("name", c.name());
        call.set("args", c.args());
        if (tool.isSkillTool()) {
            call.put("kind", "skill").put("skillName", tool.skillName()).put("toolName", tool.toolName());
        } else if (tool.isDelegate()) {
            JsonNode query = c.args().get("query");
            if (query == null || !query.isTextual() || query.asText().isBlank()) {
                throw new ProviderFailure("MalformedResponse", name() + " called " + c.name()
                        + " without a query (arguments: " + c.args() + ")", false);
            }
            call.put("kind", "delegate").put("delegateTo", tool.delegateTo());
        } else {
            call.put("kind", "interactive").put("skillName", tool.skillName()).put("toolName", tool.toolName());
        }
        return call;
    }

    private static Action dispatch(ObjectNode memo, ObjectNode call, Usage usage, String reasoning) {
        memo.putObject("awaiting").put("id", call.path("id").asText()).put("name", call.path("name").asText())
                .put("kind", call.path("kind").asText());
        if ("skill".equals(call.path("kind").asText())) {
            return new Action.UseTool(call.path("skillName").asText(), call.path("toolName").asText(),
                    (ObjectNode) call.get("args"), null, usage, call.path("id").asText(), reasoning);
        }
        if ("delegate".equals(call.path("kind").asText())) {
            return new Action.Delegate(call.path("delegateTo").asText(), call.path("args").path("query").asText(),
                    usage, call.path("id").asText(), reasoning);
        }
        return new Action.AskUser(call.path("skillName").asText(), call.path("toolName").asText(),
                (ObjectNode) call.get("args"), usage, call.path("id").asText(), reasoning);
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
