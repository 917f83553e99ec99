package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What a provider decided a run does next; the runtime turns it into one checkpoint. */
public sealed interface Action {
    Usage usage();

    /** The query that starts a run is recorded. */
    record Query(String text, Usage usage) implements Action {
    }

    record Think(String thought, Usage usage) implements Action {
    }

    record Todo(List<String> titles, Usage usage) implements Action {
    }

    /** A call of an interactive tool: the job stops until it is continued with the answer. */
    record AskUser(String skillName, String toolName, ObjectNode args, Usage usage) implements Action {
    }

    /** Hands {@code query} to the delegate the expert names {@code delegateTo}. */
    record Delegate(String delegateTo, String query, Usage usage) implements Action {
    }

    /** The run is done; for the coordinator this text is the job's result. */
    record Complete(String text, Usage usage) implements Action {
    }
}
