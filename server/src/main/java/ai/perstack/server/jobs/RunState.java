package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime's state of a job as of its last checkpoint, stored with the job: a stack of runs
 * (the coordinator's at the bottom, the delegate working for it on top). Saved in the same
 * transaction as each checkpoint, so a job resumes exactly after its last checkpoint.
 *
 * <p>Each run: {@code runId, expertKey, query, stepNumber} (the run's own steps), {@code retries}
 * (failed generations in a row), {@code memo} (the provider's own state), {@code lastActivityId} (chains the
 * run's activities), {@code delegatedBy} (in a delegate's run: the parent's call, as the checkpoint's
 * {@code delegatedBy}), and between steps of core's loop: {@code pendingCalls} (calls of a reply still without
 * a result: delegates and interactive calls, in core's order), {@code partialResults} (results waiting for
 * them), {@code readyResults} (results the model gets at its next call), {@code answer} (a continue's answer
 * to the first pending call), {@code retryNote} (core's user message after an empty reply), {@code lastText}
 * (the text of the last reply with calls), {@code finalAnswer} (core's final call without tools is due),
 * {@code queuedDelegates}/{@code delegatesTotal}/{@code delegatingCheckpointId}/{@code delegatingExpert} (a
 * reply's delegates still to run) and {@code delegationsDone} (all are back: the parent goes on as a new run).
 * Runs of the earlier one-call-per-step loop are read by {@link LegacyRun}.
 */
final class RunState {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ObjectNode root;
    /** The stack this view works on: the job's own, or a concurrent delegate's. */
    private final ArrayNode stack;
    /** For a concurrent delegate's stack: the run that delegated, and the group member holding the stack. */
    private final ObjectNode groupOwner;
    private final ObjectNode member;

    private RunState(ObjectNode root) {
        this(root, (ArrayNode) root.get("runs"), null, null);
    }

    private RunState(ObjectNode root, ArrayNode stack, ObjectNode groupOwner, ObjectNode member) {
        this.root = root;
        this.stack = stack;
        this.groupOwner = groupOwner;
        this.member = member;
    }

    /**
     * The runs whose next step can be taken now, each as a view of its own stack: the top run, or, while it
     * waits for a group of delegates running concurrently ({@code group}), the same for every unfinished member
     * of the group, in call order.
     */
    List<RunState> frontier() {
        ObjectNode top = top();
        if (!(top.get("group") instanceof ArrayNode group)) {
            return List.of(this);
        }
        List<RunState> out = new ArrayList<>();
        for (JsonNode m : group) {
            if (!m.path("done").asBoolean()) {
                out.addAll(new RunState(root, (ArrayNode) m.get("runs"), top, (ObjectNode) m).frontier());
            }
        }
        return out;
    }

    /** Starts a group of concurrent delegates of the top run: one member (with its own stack) each. */
    List<RunState> startGroup(int size) {
        ObjectNode owner = top();
        ArrayNode group = owner.putArray("group");
        List<RunState> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode m = group.addObject();
            members.add(new RunState(root, m.putArray("runs"), owner, m));
        }
        return members;
    }

    /** In a concurrent delegate's view: the run that delegated to the group, else null. */
    ObjectNode groupOwner() {
        return groupOwner;
    }

    /** In a concurrent delegate's view: its member of the group ({@code runs}, {@code done}, {@code result}). */
    ObjectNode member() {
        return member;
    }

    /** A state with one coordinator run on {@code query}. */
    static RunState start(String coordinatorKey, String query) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putArray("runs");
        RunState s = new RunState(root);
        s.push(coordinatorKey, query);
        return s;
    }

    static RunState parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode o) || !o.path("runs").isArray() || o.path("runs").isEmpty()) {
                throw new IllegalArgumentException("no runs in the job's runtime state");
            }
            return new RunState(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the job's runtime state is not valid JSON", e);
        }
    }

    /** Starts a new run on top of the stack. */
    ObjectNode push(String expertKey, String query) {
        ObjectNode run = runs().addObject();
        run.put("runId", Ids.newId()).put("expertKey", expertKey).put("query", query == null ? "" : query)
                .put("stepNumber", 0).put("retries", 0);
        run.putObject("memo");
        return run;
    }

    /** Removes the top run. */
    void pop() {
        runs().remove(runs().size() - 1);
    }

    ObjectNode top() {
        return (ObjectNode) runs().get(runs().size() - 1);
    }

    /** Whether the top run is a delegate's (not the coordinator's). */
    boolean inDelegate() {
        return runs().size() > 1 || groupOwner != null;
    }

    /** Whether popping the top run leaves a run of this stack (a concurrent delegate's root run leaves none). */
    boolean hasParentInStack() {
        return runs().size() > 1;
    }

    ObjectNode coordinator() {
        return (ObjectNode) root.get("runs").get(0);
    }

    private ArrayNode runs() {
        return stack;
    }

    /** The whole state (the todo list lives beside the runs, as {@code todos}). */
    ObjectNode root() {
        return root;
    }

    String toJson() {
        return root.toString();
    }
}
