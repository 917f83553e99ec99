package ai.perstack.server.providers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.perstack.server.providers.Action;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's conversation as it is kept in the run's memo, in a form of its own so that any chat
 * provider can send it (a job may be continued with another provider). Three kinds of message:
 * <ul>
 * <li>{@code {role: "user", text}} — the run's query (and the job's file names);</li>
 * <li>{@code {role: "assistant", text?, toolCalls: [{id, name, args}], anthropicContent?}} — a reply;
 *     {@code anthropicContent} is Anthropic's content blocks as received, sent back unchanged
 *     (thinking blocks must be);</li>
 * <li>{@code {role: "tool", results: [{id, name, content, media?}]}} — the results of the previous reply's tool
 *     calls: {@code content} their text, {@code media} the images and files of a result as core's inline parts
 *     ({@code imageInlinePart}, {@code fileInlinePart}), each at most {@link #MAX_INLINE_BYTES} decoded (a larger
 *     one is a note in the text instead).</li>
 * </ul>
 */
public final class Conversation {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The largest image or file sent inline to a model: 5 MiB, Anthropic's image limit (OpenAI's is higher). */
    public static final long MAX_INLINE_BYTES = 5L << 20;

    private Conversation() {
    }

    public static ObjectNode user(String text) {
        return NODES.objectNode().put("role", "user").put("text", text);
    }

    /** An assistant message; {@code anthropicContent} may be null. */
    public static ObjectNode assistant(String text, List<ChatReply.ToolCall> toolCalls, JsonNode anthropicContent) {
        ObjectNode m = NODES.objectNode().put("role", "assistant");
        if (text != null) {
            m.put("text", text);
        }
        ArrayNode calls = m.putArray("toolCalls");
        for (ChatReply.ToolCall c : toolCalls) {
            ObjectNode call = calls.addObject().put("id", c.id()).put("name", c.name());
            call.set("args", c.args());
        }
        if (anthropicContent != null) {
            m.set("anthropicContent", anthropicContent.deepCopy());
        }
        return m;
    }

    /**
     * The results of the last assistant message's calls, named as that message names its calls. A call of that
     * message without a result (core: the calls beside {@code attemptCompletion}) is taken out of it, since both
     * wire formats want a result for every call they carry.
     */
    public static ObjectNode toolResults(ArrayNode messages, List<Action.Result> results) {
        Map<String, Action.Result> byId = new LinkedHashMap<>();
        results.forEach(r -> byId.put(r.callId(), r));
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (isAssistant(messages.get(i))) {
                ObjectNode last = (ObjectNode) messages.get(i);
                last.withArray("toolCalls").forEach(c -> names.put(c.path("id").asText(), c.path("name").asText()));
                dropUnanswered(last, byId.keySet());
                break;
            }
        }
        ArrayNode out = NODES.arrayNode();
        for (Action.Result r : results) {
            out.add(result(r.callId(), names.getOrDefault(r.callId(), r.toolName()), r.parts()));
        }
        ObjectNode m = NODES.objectNode().put("role", "tool");
        m.set("results", out);
        return m;
    }

    private static void dropUnanswered(ObjectNode assistant, java.util.Set<String> answered) {
        ArrayNode calls = assistant.withArray("toolCalls");
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (!answered.contains(calls.get(i).path("id").asText())) {
                calls.remove(i);
            }
        }
        JsonNode blocks = assistant.get("anthropicContent");
        if (blocks instanceof ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                JsonNode b = a.get(i);
                if ("tool_use".equals(b.path("type").asText()) && !answered.contains(b.path("id").asText())) {
                    a.remove(i);
                }
            }
        }
    }

    /** A result from core's message parts: their text as {@code content}, images and files as {@code media}. */
    static ObjectNode result(String id, String name, ArrayNode parts) {
        StringBuilder text = new StringBuilder();
        ArrayNode media = NODES.arrayNode();
        for (JsonNode p : parts) {
            String type = p.path("type").asText();
            String line;
            if ("textPart".equals(type)) {
                line = p.path("text").asText();
            } else {
                String data = p.path("encodedData").asText();
                long bytes = data.length() / 4L * 3;
                String what = "imageInlinePart".equals(type) ? "image" : "file";
                if (bytes <= MAX_INLINE_BYTES) {
                    media.add(p.deepCopy());
                    continue;
                }
                line = "[" + what + " " + p.path("mimeType").asText() + " of about " + bytes + " bytes is too large to"
                        + " send to the model (at most " + MAX_INLINE_BYTES + " bytes)]";
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
        }
        ObjectNode r = result(id, name, text.toString());
        if (!media.isEmpty()) {
            r.set("media", media);
        }
        return r;
    }

    public static ObjectNode result(String id, String name, String content) {
        return NODES.objectNode().put("id", id).put("name", name).put("content", content);
    }

    public static boolean isUser(JsonNode m) {
        return "user".equals(m.path("role").asText());
    }

    public static boolean isAssistant(JsonNode m) {
        return "assistant".equals(m.path("role").asText());
    }

    public static boolean isToolResults(JsonNode m) {
        return "tool".equals(m.path("role").asText());
    }
}
