package ai.perstack.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * What a checkpoint's step did: a union on {@link #type()}. Every variant keeps the object as
 * received in {@link #json()}, and a type this client does not know arrives as {@link Unknown},
 * so nothing is lost when an activity is read and written back.
 */
public sealed interface Activity {

    /** {@return the wire type, e.g. {@code think}} */
    String type();

    /** {@return the activity id} */
    String id();

    /** {@return the key of the expert whose step it was} */
    String expertKey();

    /** {@return the run it belongs to} */
    String runId();

    /** {@return the model's reasoning text, when recorded} */
    Optional<String> reasoning();

    /** {@return the object as received} */
    JsonNode json();

    /** The job's query. @param text the query text */
    record Query(String id, String expertKey, String runId, Optional<String> reasoning, String text, JsonNode json)
            implements Activity {
        @Override
        public String type() {
            return "query";
        }
    }

    /** A thought. @param thought the text */
    record Think(String id, String expertKey, String runId, Optional<String> reasoning, String thought, JsonNode json)
            implements Activity {
        @Override
        public String type() {
            return "think";
        }
    }

    /** A todo list. @param todos the items */
    record Todo(String id, String expertKey, String runId, Optional<String> reasoning, List<TodoItem> todos, JsonNode json)
            implements Activity {
        @Override
        public String type() {
            return "todo";
        }
    }

    /**
     * One item of a todo list.
     *
     * @param id        the item id
     * @param title     what to do
     * @param completed whether it is done
     */
    record TodoItem(String id, String title, boolean completed) {
    }

    /** A non-interactive tool call and its result. @param skillName skill @param toolName tool @param args arguments @param result result */
    record GeneralTool(String id, String expertKey, String runId, Optional<String> reasoning, String skillName,
                       String toolName, JsonNode args, JsonNode result, JsonNode json) implements Activity {
        @Override
        public String type() {
            return "generalTool";
        }
    }

    /**
     * A call of an interactive tool: the job stops until {@code jobs.continueJob} answers it.
     *
     * @param skillName  the interactive skill
     * @param toolName   the tool
     * @param args       the arguments, e.g. {@code {"question": "..."}}
     * @param toolCallId the call being answered
     */
    record InteractiveTool(String id, String expertKey, String runId, Optional<String> reasoning, String skillName,
                           String toolName, JsonNode args, String toolCallId, JsonNode json) implements Activity {
        @Override
        public String type() {
            return "interactiveTool";
        }
    }

    /** A delegation. @param delegateTo the delegate's key @param query what it is asked */
    record Delegate(String id, String expertKey, String runId, Optional<String> reasoning, String delegateTo,
                    String query, JsonNode json) implements Activity {
        @Override
        public String type() {
            return "delegate";
        }
    }

    /**
     * A delegate's result returning to the expert that delegated ({@code expertKey}).
     *
     * @param delegateTo the delegate that finished
     * @param result     its result
     */
    record DelegationComplete(String id, String expertKey, String runId, Optional<String> reasoning,
                              Optional<String> delegateTo, String result, JsonNode json) implements Activity {
        @Override
        public String type() {
            return "delegationComplete";
        }
    }

    /** A failed attempt that will be retried. @param error the error kind @param message what happened */
    record Retry(String id, String expertKey, String runId, Optional<String> reasoning, String error, String message,
                 JsonNode json) implements Activity {
        @Override
        public String type() {
            return "retry";
        }
    }

    /** The expert is about to complete. */
    record AttemptCompletion(String id, String expertKey, String runId, Optional<String> reasoning, JsonNode json)
            implements Activity {
        @Override
        public String type() {
            return "attemptCompletion";
        }
    }

    /** The run's final answer. @param text the answer */
    record Complete(String id, String expertKey, String runId, Optional<String> reasoning, String text, JsonNode json)
            implements Activity {
        @Override
        public String type() {
            return "complete";
        }
    }

    /** A failure that stopped the run. @param error message @param errorName kind @param isRetryable whether a retry may help */
    record Error(String id, String expertKey, String runId, Optional<String> reasoning, String error, String errorName,
                 boolean isRetryable, JsonNode json) implements Activity {
        @Override
        public String type() {
            return "error";
        }
    }

    /** An activity type this client does not know; {@link #json()} has all of it. @param type its wire type */
    record Unknown(String type, String id, String expertKey, String runId, Optional<String> reasoning, JsonNode json)
            implements Activity {
    }
}
