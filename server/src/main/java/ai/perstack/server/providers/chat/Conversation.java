package ai.perstack.server.providers.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A run's conversation as it is kept in the run's memo, in a form of its own so that any chat
 * provider can send it (a job may be continued with another provider). Three kinds of message:
 * <ul>
 * <li>{@code {role: "user", text}} — the run's query (and the job's file names);</li>
 * <li>{@code {role: "assistant", text?, toolCalls: [{id, name, args}], anthropicContent?}} — a reply;
 *     {@code anthropicContent} is Anthropic's content blocks as received, sent back unchanged
 *     (thinking blocks must be);</li>
 * <li>{@code {role: "tool", results: [{id, name, content}]}} — the results of the previous reply's tool calls.</li>
 * </ul>
 */
public final class Conversation {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

    public static ObjectNode toolResults(ArrayNode results) {
        ObjectNode m = NODES.objectNode().put("role", "tool");
        m.set("results", results);
        return m;
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
