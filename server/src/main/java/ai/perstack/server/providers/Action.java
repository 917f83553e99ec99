package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a provider decided a run does next; the runtime turns it into one checkpoint. */
public sealed interface Action {
    Usage usage();

    /** The model's reasoning behind this step (recorded as the activity's {@code reasoning}), or null. */
    default String reasoning() {
        return null;
    }

    /** The query that starts a run is recorded. */
    record Query(String text, Usage usage) implements Action {
    }

    /**
     * A call of a tool of {@code skillName}. With a {@code resultText} the runtime records it as is
     * (core's {@code generalTool}; the mock provider's working step); without one the runtime runs
     * the tool through the expert's skills and records its real result.
     */
    record UseTool(String skillName, String toolName, ObjectNode args, String resultText, Usage usage,
                   String toolCallId, String reasoning) implements Action {
        public UseTool(String skillName, String toolName, ObjectNode args, String resultText, Usage usage) {
            this(skillName, toolName, args, resultText, usage, null, null);
        }
    }

    /** The base tool {@code todo} adding {@code titles} to an empty list (core's {@code todo} activity). */
    record Todo(List<String> titles, Usage usage) implements Action {
    }

    /**
     * A call of an interactive tool: the job stops until it is continued with the answer.
     * {@code toolCallId} is the model's id of the call (null: the runtime makes one up).
     */
    record AskUser(String skillName, String toolName, ObjectNode args, Usage usage, String toolCallId,
                   String reasoning) implements Action {
        public AskUser(String skillName, String toolName, ObjectNode args, Usage usage) {
            this(skillName, toolName, args, usage, null, null);
        }
    }

    /**
     * Hands {@code query} to the delegate the expert names {@code delegateTo}. {@code toolCallId} is the model's id
     * of the call (null: the runtime makes one up).
     */
    record Delegate(String delegateTo, String query, Usage usage, String toolCallId, String reasoning)
            implements Action {
        public Delegate(String delegateTo, String query, Usage usage) {
            this(delegateTo, query, usage, null, null);
        }
    }

    /** The run is done; for the coordinator this text is the job's result. */
    record Complete(String text, Usage usage, String reasoning) implements Action {
        public Complete(String text, Usage usage) {
            this(text, usage, null);
        }
    }
}
