package ai.perstack.server.providers.chat;

import ai.perstack.server.providers.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the queue that memos of the earlier one-call-per-step loop kept, so that a job stored in the middle of
 * such a queue goes on under the current loop: {@code pending} (calls not taken yet), {@code awaiting} (the call
 * whose result was due) and {@code results} (results gathered, not yet sent).
 */
public final class LegacyChatMemo {
    /**
     * The queue of an earlier memo. {@code awaiting} is null when no result was due.
     */
    public record Queue(List<Action.Call> pending, Action.Call awaiting, List<Action.Result> results) {
    }

    private LegacyChatMemo() {
    }

    /** Takes the earlier queue out of {@code memo}; null when the memo has none (or it is empty). */
    public static Queue take(ObjectNode memo) {
        JsonNode awaiting = memo.get("awaiting");
        boolean hasAwaiting = awaiting != null && awaiting.isObject();
        if (!hasAwaiting && memo.path("pending").isEmpty() && memo.path("results").isEmpty()) {
            memo.remove(List.of("pending", "awaiting", "results"));
            return null;
        }
        List<Action.Call> pending = new ArrayList<>();
        memo.path("pending").forEach(c -> pending.add(call(c)));
        List<Action.Result> results = new ArrayList<>();
        for (JsonNode r : memo.path("results")) {
            ArrayNode parts = JsonNodeFactory.instance.arrayNode();
            parts.addObject().put("type", "textPart").put("text", r.path("content").asText());
            results.add(new Action.Result(r.path("id").asText(), Action.Kind.SKILL, "", r.path("name").asText(), parts));
        }
        Action.Call due = hasAwaiting ? call(awaiting) : null;
        memo.remove(List.of("pending", "awaiting", "results"));
        return new Queue(pending, due, results);
    }

    /** An earlier call: {@code {id, name, args?, kind, skillName?, toolName?, delegateTo?}}. */
    private static Action.Call call(JsonNode c) {
        ObjectNode args = c.get("args") instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        String kind = c.path("kind").asText();
        if ("delegate".equals(kind)) {
            String key = c.path("delegateTo").asText();
            return new Action.Call(c.path("id").asText(), Action.Kind.DELEGATE, key, Action.Call.delegateToolName(key),
                    args);
        }
        return new Action.Call(c.path("id").asText(), "skill".equals(kind) ? Action.Kind.SKILL : Action.Kind.INTERACTIVE,
                c.path("skillName").asText(), c.path("toolName").asText(c.path("name").asText()), args);
    }
}
