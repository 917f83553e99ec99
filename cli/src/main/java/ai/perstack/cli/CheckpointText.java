package ai.perstack.cli;

import ai.perstack.client.jobs.Activity;
import ai.perstack.client.jobs.Checkpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A checkpoint as one readable line: its sequence, its (first) activity type and a short text of its activities. */
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
        String text = c.activities().stream().map(CheckpointText::summary).collect(Collectors.joining("; "));
        if (rootRunId != null && !rootRunId.equals(c.runId())) {
            text = "[" + c.expert().key() + "] " + text;
        }
        String head = String.format(java.util.Locale.ROOT, "%4d  %-" + TYPE_WIDTH + "s  ", c.sequence(), type);
        return Text.shorten((head + Text.oneLine(text)).stripTrailing(), Math.max(width, head.length() + 20));
    }

    /** What the activity says, in a few words; a base tool's error follows its summary. */
    static String summary(Activity activity) {
        String text = describe(activity);
        Optional<String> error = toolError(activity);
        return error.map(e -> text + " (error: " + e + ")").orElse(text);
    }

    private static String describe(Activity a) {
        if (a instanceof Activity.Query q) {
            return q.text();
        } else if (a instanceof Activity.Todo t) {
            return t.todos().stream().map(i -> (i.completed() ? "[x] " : "[ ] ") + i.title()).collect(Collectors.joining("  "));
        } else if (a instanceof Activity.AttemptCompletion c) {
            return c.remainingTodos().map(t -> t.size() + " todos remaining").orElse("");
        } else if (a instanceof Activity.ReadTextFile r) {
            return r.path();
        } else if (a instanceof Activity.ReadImageFile r) {
            return r.path();
        } else if (a instanceof Activity.ReadPdfFile r) {
            return r.path();
        } else if (a instanceof Activity.EditTextFile e) {
            return e.path();
        } else if (a instanceof Activity.AppendTextFile w) {
            return w.path();
        } else if (a instanceof Activity.WriteTextFile w) {
            return w.path();
        } else if (a instanceof Activity.DeleteFile d) {
            return d.path();
        } else if (a instanceof Activity.CreateDirectory d) {
            return d.path();
        } else if (a instanceof Activity.DeleteDirectory d) {
            return d.path();
        } else if (a instanceof Activity.MoveFile m) {
            return m.source() + " → " + m.destination();
        } else if (a instanceof Activity.GetFileInfo g) {
            return g.path();
        } else if (a instanceof Activity.ListDirectory l) {
            return l.path() + l.items().map(i -> " (" + i.size() + " entries)").orElse("");
        } else if (a instanceof Activity.Exec e) {
            return String.join(" ", Stream.concat(Stream.of(e.command()), e.args().stream()).toList());
        } else if (a instanceof Activity.GeneralTool g) {
            String result = firstText(g.result());
            return result.isEmpty() ? g.skillName() + "/" + g.toolName() + " " + compact(g.args()) : g.toolName() + ": " + result;
        } else if (a instanceof Activity.InteractiveTool i) {
            return i.toolName() + ": " + question(i);
        } else if (a instanceof Activity.Delegate d) {
            return "→ " + d.delegateExpertKey() + ": " + d.query();
        } else if (a instanceof Activity.DelegationComplete d) {
            return "← " + d.count() + (d.count() == 1 ? " delegate" : " delegates") + " finished";
        } else if (a instanceof Activity.Retry r) {
            return r.error() + ": " + r.message();
        } else if (a instanceof Activity.Complete c) {
            return c.text();
        } else if (a instanceof Activity.Error e) {
            return e.errorName().orElse("Error") + ": " + e.error().orElse("Unknown error");
        }
        return a.reasoning().orElse("");
    }

    /** The {@code error} a tool activity reports (the error activity's own text is its summary). */
    private static Optional<String> toolError(Activity a) {
        if (a instanceof Activity.Error || a instanceof Activity.Retry || a instanceof Activity.Unknown) {
            return Optional.empty();
        }
        JsonNode error = a.json().get("error");
        return error != null && error.isTextual() ? Optional.of(error.textValue()) : Optional.empty();
    }

    /** The text of a tool result's first textPart, or "". */
    private static String firstText(Optional<JsonNode> result) {
        if (result.isPresent() && result.get().isArray()) {
            for (JsonNode part : result.get()) {
                if ("textPart".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    return part.path("text").asText();
                }
            }
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
