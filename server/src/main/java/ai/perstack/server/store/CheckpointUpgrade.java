package ai.perstack.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites one job's checkpoints, as the first server wrote them, into Perstack core's shapes (the
 * V4 migration). Works on the job's whole history in sequence order, because core's fields are
 * facts about the history: stepNumber counts through the job, usage is a running total, activities
 * chain per run, a delegate's run knows the call that started it.
 *
 * <p>Activities: {@code think} becomes the mock's {@code generalTool} working step (the thought as
 * its text result); {@code delegate.delegateTo} becomes {@code delegateExpertKey};
 * {@code delegationComplete{delegateTo, result}} becomes {@code {count: 1}} (the result stays in
 * the delegate's own {@code complete}); todo ids become numbers; an interactive call's
 * {@code toolCallId} moves to the checkpoint's {@code pendingToolCalls}.
 */
public final class CheckpointUpgrade {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What the job's runtime state needs after its checkpoints were upgraded, by run id. */
    public record RunFacts(Map<String, String> lastActivityIds, Map<String, ObjectNode> delegatedBy) {
    }

    private final Map<String, String> lastActivity = new HashMap<>();
    private final Map<String, Integer> retries = new HashMap<>();
    private final Map<String, ObjectNode> delegatedBy = new HashMap<>();
    private final Deque<ObjectNode> parents = new ArrayDeque<>();
    private final long[] total = new long[4];

    /**
     * Upgrades {@code checkpoints} (one job's, in sequence order) in place.
     *
     * @return what the job's runtime state needs to go on from the last of them
     */
    public static RunFacts upgrade(List<ObjectNode> checkpoints) {
        CheckpointUpgrade u = new CheckpointUpgrade();
        for (int i = 0; i < checkpoints.size(); i++) {
            u.one(checkpoints.get(i), i + 1 < checkpoints.size() ? checkpoints.get(i + 1) : null);
        }
        return new RunFacts(u.lastActivity, u.delegatedBy);
    }

    /** Updates a job's stored runtime state: each run learns its last activity and, for a delegate, its parent's call. */
    public static void upgradeState(ObjectNode state, RunFacts facts) {
        for (JsonNode run : state.path("runs")) {
            if (run instanceof ObjectNode r) {
                String runId = r.path("runId").asText();
                if (facts.lastActivityIds().containsKey(runId)) {
                    r.put("lastActivityId", facts.lastActivityIds().get(runId));
                }
                if (facts.delegatedBy().containsKey(runId) && !r.has("delegatedBy")) {
                    r.set("delegatedBy", facts.delegatedBy().get(runId).deepCopy());
                }
            }
        }
    }

    private void one(ObjectNode cp, ObjectNode next) {
        String runId = cp.path("runId").asText();
        if (cp.has("sequence")) {
            cp.put("stepNumber", cp.get("sequence").asInt());
        }
        cp.set("usage", runningTotal(cp.path("usage")));
        ObjectNode activity = cp.get("activity") instanceof ObjectNode a ? a : null;
        if (activity == null) {
            return;
        }
        String type = activity.path("type").asText();
        if ("delegationComplete".equals(type) && !parents.isEmpty() && runId.equals(parents.peek().path("runId").asText())) {
            parents.pop();
        }
        ObjectNode parent = parents.isEmpty() || runId.equals(parents.peek().path("runId").asText()) ? null : parents.peek();
        if (parent != null) {
            delegatedBy.putIfAbsent(runId, parent);
            cp.set("delegatedBy", parent.deepCopy());
            activity.putObject("delegatedBy").put("expertKey", parent.path("expert").path("key").asText())
                    .put("runId", parent.path("runId").asText());
        }
        switch (type) {
            case "think" -> think(activity);
            case "delegate" -> delegate(cp, activity, next);
            case "delegationComplete" -> {
                activity.remove("delegateTo");
                activity.remove("result");
                activity.put("count", 1);
            }
            case "todo" -> todos(activity);
            case "interactiveTool" -> interactive(cp, activity);
            default -> {
            }
        }
        int retryCount = "retry".equals(type) ? retries.getOrDefault(runId, 0) + 1
                : "error".equals(type) ? retries.getOrDefault(runId, 0) : 0;
        retries.put(runId, retryCount);
        cp.put("retryCount", retryCount);
        if (lastActivity.containsKey(runId) && !activity.has("previousActivityId")) {
            activity.put("previousActivityId", lastActivity.get(runId));
        }
        lastActivity.put(runId, activity.path("id").asText());
    }

    private ObjectNode runningTotal(JsonNode step) {
        String[] fields = {"inputTokens", "outputTokens", "reasoningTokens", "cachedInputTokens"};
        ObjectNode usage = NODES.objectNode();
        for (int i = 0; i < fields.length; i++) {
            total[i] += step.path(fields[i]).asLong(0);
            usage.put(fields[i], total[i]);
        }
        return usage.put("totalTokens", total[0] + total[1] + total[2]);
    }

    private static void think(ObjectNode activity) {
        String thought = activity.path("thought").asText("");
        activity.remove("thought");
        activity.put("type", "generalTool").put("skillName", "@perstack/mock").put("toolName", "work");
        activity.putObject("args");
        activity.putArray("result").addObject().put("type", "textPart").put("id", activity.path("id").asText())
                .put("text", thought);
    }

    private void delegate(ObjectNode cp, ObjectNode activity, ObjectNode next) {
        String key = activity.has("delegateTo") ? activity.path("delegateTo").asText()
                : activity.path("delegateExpertKey").asText();
        activity.remove("delegateTo");
        activity.put("delegateExpertKey", key);
        String toolCallId = "call_" + activity.path("id").asText();
        String toolName = key.substring(key.lastIndexOf('/') + 1).replaceFirst("@.*$", "");
        // The delegate's name and version are those its first checkpoint records.
        JsonNode childExpert = next != null && key.equals(next.path("expert").path("key").asText())
                ? next.get("expert") : NODES.objectNode().put("key", key).put("name", key).put("version", "");
        ObjectNode target = NODES.objectNode();
        target.set("expert", childExpert.deepCopy());
        target.put("toolCallId", toolCallId).put("toolName", toolName).put("query", activity.path("query").asText());
        cp.putArray("delegateTo").add(target);
        ObjectNode by = NODES.objectNode();
        by.set("expert", cp.path("expert").deepCopy());
        by.put("toolCallId", toolCallId).put("toolName", toolName).put("checkpointId", cp.path("id").asText())
                .put("runId", cp.path("runId").asText());
        parents.push(by);
    }

    private static void todos(ObjectNode activity) {
        ArrayNode todos = activity.withArray("todos");
        for (int i = 0; i < todos.size(); i++) {
            if (todos.get(i) instanceof ObjectNode t) {
                JsonNode id = t.get("id");
                long n = i;
                if (id != null && id.isIntegralNumber()) {
                    n = id.asLong();
                } else if (id != null && id.isTextual() && id.asText().matches("\\d{1,18}")) {
                    // The first server numbered items from 1; core numbers them by index, from 0.
                    n = Long.parseLong(id.asText()) - 1;
                }
                t.put("id", Math.max(n, 0));
            }
        }
    }

    private static void interactive(ObjectNode cp, ObjectNode activity) {
        JsonNode toolCallId = activity.remove("toolCallId");
        if (toolCallId != null && !cp.has("pendingToolCalls")) {
            ObjectNode call = cp.putArray("pendingToolCalls").addObject().put("id", toolCallId.asText())
                    .put("skillName", activity.path("skillName").asText())
                    .put("toolName", activity.path("toolName").asText());
            call.set("args", activity.has("args") ? activity.get("args").deepCopy() : NODES.objectNode());
        }
    }
}
