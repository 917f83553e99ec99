package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a provider's model call decided; the runtime loop (in {@code server/jobs}) executes it and
 * turns it into the step's checkpoint. Providers only turn a conversation and tools into one of
 * these: they never run a tool.
 */
public sealed interface Action {
    Usage usage();

    /** The model's reasoning behind this step (recorded as the activity's {@code reasoning}), or null. */
    default String reasoning() {
        return null;
    }

    /** How the runtime handles a call: a skill's tool it runs, a delegate, or an interactive tool that stops the job. */
    enum Kind { SKILL, DELEGATE, INTERACTIVE }

    /**
     * One tool call of a reply. {@code skillName} is the skill (for a delegate: the delegate's key as the expert
     * names it), {@code toolName} the tool's raw name (for a delegate: core's tool name). {@code presetResult} is
     * a result the provider already has (the mock's own working tool): the runtime records it instead of running
     * anything; null for every real call.
     */
    record Call(String id, Kind kind, String skillName, String toolName, ObjectNode args, String presetResult) {
        public Call(String id, Kind kind, String skillName, String toolName, ObjectNode args) {
            this(id, kind, skillName, toolName, args, null);
        }

        /** Core's delegate tool name: the last {@code /} segment of the delegate's key, without a version. */
        public static String delegateToolName(String delegateKey) {
            String last = delegateKey.substring(delegateKey.lastIndexOf('/') + 1);
            int at = last.indexOf('@');
            return at > 0 ? last.substring(0, at) : last;
        }
    }

    /**
     * The result of a call, as the model gets it at the next call: {@code parts} are core's message parts
     * ({@code textPart}, {@code imageInlinePart}, {@code fileInlinePart}).
     */
    record Result(String callId, Kind kind, String skillName, String toolName, ArrayNode parts) {
        /** The text parts joined by newlines. */
        public String text() {
            StringBuilder b = new StringBuilder();
            parts.forEach(p -> {
                if ("textPart".equals(p.path("type").asText())) {
                    if (b.length() > 0) {
                        b.append('\n');
                    }
                    b.append(p.path("text").asText());
                }
            });
            return b.toString();
        }
    }

    /** The query that starts a run is recorded. */
    record Query(String text, Usage usage) implements Action {
    }

    /** The base tool {@code todo} adding {@code titles} to an empty list (core's {@code todo} activity; the mock's). */
    record Todo(List<String> titles, Usage usage) implements Action {
    }

    /**
     * A reply with tool calls, in the model's order; {@code text} is what the model wrote beside them (or null).
     */
    record ToolCalls(List<Call> calls, String text, Usage usage, String reasoning) implements Action {
        public ToolCalls {
            calls = List.copyOf(calls);
        }
    }

    /** A reply with neither text nor a tool call: the runtime retries it (core's empty-reply retry). */
    record Empty(Usage usage) implements Action {
    }

    /**
     * A reply cut off at the output limit while it called tools; the provider has already added core's synthetic
     * call and result to its conversation. The runtime retries it.
     */
    record Truncated(Usage usage) implements Action {
    }

    /** The run is done; for the coordinator this text is the job's result. */
    record Complete(String text, Usage usage, String reasoning) implements Action {
        public Complete(String text, Usage usage) {
            this(text, usage, null);
        }
    }
}
