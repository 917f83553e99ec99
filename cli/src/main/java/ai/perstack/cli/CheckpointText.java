package ai.perstack.cli;

import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Collectors;

/** A checkpoint as one readable line: its sequence, its activity type and a short text. */
final class CheckpointText {
    /** Wide enough for the longest activity type, {@code delegationComplete}. */
    private static final int TYPE_WIDTH = 18;

    private CheckpointText() {
    }

    /**
     * {@code "   3  interactiveTool     askUser: Who is the audience?"}; a checkpoint of a delegate's
     * run (not {@code rootRunId}) names its expert in brackets.
     */
    static String line(Checkpoint c, String rootRunId, int width) {
        String type = c.activity().type();
        String text = summary(c.activity());
        if (rootRunId != null && !rootRunId.equals(c.runId())) {
            text = "[" + c.expert().key() + "] " + text;
        }
        String head = String.format(java.util.Locale.ROOT, "%4d  %-" + TYPE_WIDTH + "s  ", c.sequence(), type);
        return Text.shorten((head + Text.oneLine(text)).stripTrailing(), Math.max(width, head.length() + 20));
    }

    /** What the activity says, in a few words. */
    static String summary(Activity activity) {
        if (activity instanceof Activity.Query q) {
            return q.text();
        } else if (activity instanceof Activity.Think t) {
            return t.thought();
        } else if (activity instanceof Activity.Todo t) {
            return t.todos().stream().map(i -> (i.completed() ? "[x] " : "[ ] ") + i.title()).collect(Collectors.joining("  "));
        } else if (activity instanceof Activity.GeneralTool g) {
            return g.skillName() + "/" + g.toolName() + " " + compact(g.args());
        } else if (activity instanceof Activity.InteractiveTool i) {
            return i.toolName() + ": " + question(i);
        } else if (activity instanceof Activity.Delegate d) {
            return "→ " + d.delegateTo() + ": " + d.query();
        } else if (activity instanceof Activity.DelegationComplete d) {
            return "← " + d.delegateTo().map(k -> k + ": ").orElse("") + d.result();
        } else if (activity instanceof Activity.Retry r) {
            return r.error() + ": " + r.message();
        } else if (activity instanceof Activity.Complete c) {
            return c.text();
        } else if (activity instanceof Activity.Error e) {
            return e.errorName() + ": " + e.error();
        }
        return "";
    }

    /** The question of an interactive tool call: {@code args.question} when it is text, else the arguments. */
    static String question(Activity.InteractiveTool call) {
        JsonNode q = call.args() == null ? null : call.args().get("question");
        return q != null && q.isTextual() ? q.textValue() : compact(call.args());
    }

    private static String compact(JsonNode node) {
        return node == null || node.isNull() ? "" : node.toString();
    }
}
