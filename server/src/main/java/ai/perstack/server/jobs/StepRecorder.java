package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.providers.Action;
import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ai.perstack.server.skills.ToolResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one step of a run as Perstack core would: turns what the model decided and what its
 * calls gave into the step's activities (core's types and fields) and checkpoint fields, and chains
 * the activities to the run ({@code previousActivityId}, {@code delegatedBy}). It changes the run
 * state the way the step does (a delegate pushed, a finished delegate popped and its result handed
 * to the parent), so it is used once per step.
 */
final class StepRecorder {
    private final String checkpointId = Ids.newId();
    private final RunState state;
    private final ObjectNode run;
    private final String runId;
    private final int stepNumber;
    private final Definition definition;
    private final Definition.Member member;

    /** For the step {@code stepNumber} (job-wide) of the state's top run, taken by {@code member}. */
    StepRecorder(RunState state, int stepNumber, Definition definition, Definition.Member member) {
        this.state = state;
        this.run = state.top();
        this.runId = run.path("runId").asText();
        this.stepNumber = stepNumber;
        this.definition = definition;
        this.member = member;
    }

    /** The query step that starts a run. */
    StepResult query(Action.Query q) {
        return step(JobStatus.CP_INIT, activity("query").put("text", q.text()), fields(), q.usage(), null, null);
    }

    /** The mock's todo step. */
    StepResult todo(Action.Todo t) {
        return step(JobStatus.CP_PROCEEDING, todo(t.titles()), fields(), t.usage(), null, null);
    }

    /**
     * A step whose calls ran: one activity per call (core's, from the call and its result). {@code pending} are the
     * step's calls still without a result (delegates, interactive tools) and {@code partial} the results kept for
     * them; both are shown as core's {@code pendingToolCalls} and {@code partialToolResults}.
     */
    StepResult tools(List<Action.Call> calls, List<ToolResult> results, Usage usage, String reasoning,
                     List<Action.Call> pending, JsonNode partial) {
        ObjectNode fields = fields();
        List<ObjectNode> activities = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode a = ToolActivities.fill(activity("generalTool"), calls.get(i).args(), results.get(i));
            reasoning(a, reasoning);
            activities.add(a);
        }
        if (!pending.isEmpty()) {
            ArrayNode out = fields.putArray("pendingToolCalls");
            pending.forEach(c -> out.add(RunCalls.coreCall(c)));
            ArrayNode kept = fields.putArray("partialToolResults");
            partial.forEach(r -> kept.add(RunCalls.coreResult(r)));
        }
        return steps(JobStatus.CP_PROCEEDING, activities, fields, usage, null, null);
    }

    /** The stop for the step's interactive calls: one {@code interactiveTool} each, all of them pending. */
    StepResult interactive(List<Action.Call> calls, Usage usage, String reasoning, JsonNode partial) {
        ObjectNode fields = fields();
        ArrayNode pending = fields.putArray("pendingToolCalls");
        List<ObjectNode> activities = new ArrayList<>();
        for (Action.Call c : calls) {
            ObjectNode a = activity("interactiveTool").put("skillName", c.skillName()).put("toolName", c.toolName());
            a.set("args", c.args());
            reasoning(a, reasoning);
            activities.add(a);
            pending.add(RunCalls.coreCall(c));
        }
        if (!partial.isEmpty()) {
            ArrayNode kept = fields.putArray("partialToolResults");
            partial.forEach(r -> kept.add(RunCalls.coreResult(r)));
        }
        return steps(JobStatus.CP_INTERACTIVE, activities, fields, usage, JobStatus.STOPPED_BY_INTERACTIVE_TOOL, null);
    }

    /**
     * The stop for the step's delegate calls: one {@code delegate} activity and {@code delegateTo} target each.
     * One delegate's run starts on top of this one; several run concurrently, each in its own member of a group
     * (its own stack), as core runs them.
     */
    StepResult delegates(List<Action.Call> calls, Usage usage, String reasoning, List<Action.Call> interactive) {
        ObjectNode fields = fields();
        ArrayNode targets = fields.putArray("delegateTo");
        List<ObjectNode> activities = new ArrayList<>();
        for (Action.Call c : calls) {
            Definition.Member target = definition.member(c.skillName());
            ObjectNode entry = targets.addObject();
            entry.set("expert", expert(target != null ? target : new Definition.Member(c.skillName(), c.skillName(),
                    "", null)));
            entry.put("toolCallId", c.id()).put("toolName", c.toolName()).put("query", query(c));
            ObjectNode a = activity("delegate").put("delegateExpertKey", c.skillName()).put("query", query(c));
            reasoning(a, reasoning);
            activities.add(a);
        }
        if (!interactive.isEmpty()) {
            ArrayNode pending = fields.putArray("pendingToolCalls");
            interactive.forEach(c -> pending.add(RunCalls.coreCall(c)));
        }
        StepResult result = steps(JobStatus.CP_DELEGATE, activities, fields, usage, null, null);
        if (calls.size() == 1) {
            startDelegate(state, calls.get(0));
        } else {
            List<RunState> members = state.startGroup(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                startDelegate(members.get(i), calls.get(i));
            }
        }
        return result;
    }

    private static String query(Action.Call c) {
        return c.args().path("query").asText();
    }

    /** Starts a delegate's run on top of {@code stack}, with {@code delegatedBy} naming this step's call. */
    private void startDelegate(RunState stack, Action.Call c) {
        ObjectNode child = stack.push(c.skillName(), query(c));
        ObjectNode by = child.putObject("delegatedBy");
        by.set("expert", expert(member));
        by.put("toolCallId", c.id()).put("toolName", c.toolName()).put("checkpointId", checkpointId).put("runId", runId);
    }

    /**
     * The run completes with {@code text}; {@code before} are activities of the same step that come first (the
     * {@code attemptCompletion} call). A delegate's run hands its text to the parent as its call's result; the
     * results of a group of concurrent delegates go to the parent together, in call order, once all are back.
     */
    StepResult complete(String text, Usage usage, String reasoning, List<ObjectNode> before) {
        ObjectNode done = activity("complete").put("text", text);
        reasoning(done, reasoning);
        List<ObjectNode> activities = new ArrayList<>(before);
        activities.add(done);
        if (!state.inDelegate()) {
            return steps(JobStatus.CP_COMPLETED, activities, fields(), usage, JobStatus.COMPLETED, text);
        }
        StepResult step = steps(JobStatus.CP_COMPLETED, activities, fields(), usage, null, null);
        JsonNode by = run.path("delegatedBy");
        Action.Call call = new Action.Call(by.path("toolCallId").asText(), Action.Kind.DELEGATE, member.key(),
                by.path("toolName").asText(), null);
        ObjectNode result = RunCalls.textResult(call, text);
        if (state.hasParentInStack()) {
            state.pop();
            ObjectNode parent = state.top();
            parent.withArray("partialResults").add(result);
            parent.put("delegationsDone", 1);
            return step;
        }
        ObjectNode owner = state.groupOwner();
        // members of a group may finish in the same round, on different threads
        synchronized (owner) {
            state.member().put("done", true).set("result", result);
            ArrayNode group = owner.withArray("group");
            boolean all = true;
            for (JsonNode m : group) {
                all &= m.path("done").asBoolean();
            }
            if (all) {
                group.forEach(m -> owner.withArray("partialResults").add(m.get("result")));
                owner.put("delegationsDone", group.size());
                owner.remove("group");
            }
        }
        return step;
    }

    /** An activity of this run, for a caller that builds a step's activities itself. */
    ObjectNode toolActivity(Action.Call call, ToolResult result, String reasoning) {
        ObjectNode a = ToolActivities.fill(activity("generalTool"), call.args(), result);
        reasoning(a, reasoning);
        return a;
    }

    /** The step that records the delegates' results coming back ({@code count} of them). */
    StepResult delegationComplete(int count) {
        return step(JobStatus.CP_PROCEEDING, activity("delegationComplete").put("count", count), fields(), Usage.NONE,
                null, null);
    }

    /** A failed or empty generation that will be retried. */
    StepResult retry(String error, String message, Usage usage) {
        return step(JobStatus.CP_PROCEEDING, activity("retry").put("error", error).put("message", message),
                fields(), usage, null, null);
    }

    /** A failure that stops the run and the job. */
    StepResult error(ProviderFailure f) {
        ObjectNode activity = activity("error").put("error", f.getMessage()).put("errorName", f.name())
                .put("isRetryable", f.retryable());
        StepResult s = step(JobStatus.CP_ERROR, activity, fields(), Usage.NONE, JobStatus.STOPPED_BY_ERROR, null);
        return new StepResult(s.checkpointId(), s.runId(), s.stepNumber(), s.expert(), s.status(), s.activity(),
                s.fields(), s.usage(), s.jobStatus(), null,
                new StepResult.ErrorInfo(f.name(), f.getMessage(), f.retryable(), f.statusCode()));
    }

    private ObjectNode todo(List<String> titles) {
        ObjectNode activity = activity("todo");
        ArrayNode added = activity.putArray("newTodos");
        ArrayNode todos = activity.putArray("todos");
        for (int i = 0; i < titles.size(); i++) {
            added.add(titles.get(i));
            todos.addObject().put("id", i).put("title", titles.get(i)).put("completed", false);
        }
        return activity;
    }

    /** The checkpoint fields every step of this run has: retryCount, and delegatedBy in a delegate's run. */
    private ObjectNode fields() {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        JsonNode by = run.get("delegatedBy");
        if (by != null && by.isObject()) {
            fields.set("delegatedBy", by.deepCopy());
        }
        return fields;
    }

    private ObjectNode activity(String type) {
        ObjectNode activity = CheckpointJson.activity(type, Ids.newId(), member.key(), runId);
        if (run.hasNonNull("lastActivityId")) {
            activity.put("previousActivityId", run.get("lastActivityId").asText());
        }
        JsonNode by = run.get("delegatedBy");
        if (by != null && by.isObject()) {
            activity.putObject("delegatedBy").put("expertKey", by.path("expert").path("key").asText())
                    .put("runId", by.path("runId").asText());
        }
        return activity;
    }

    private StepResult step(String status, ObjectNode activity, ObjectNode fields, Usage usage, String jobStatus,
                            String result) {
        return steps(status, List.of(activity), fields, usage, jobStatus, result);
    }

    /**
     * A step with one or more activities: {@code activity} is the first, and {@code activities} lists them all when
     * there are two or more (as decided for the wire). They chain one after another in the run.
     */
    private StepResult steps(String status, List<ObjectNode> activities, ObjectNode fields, Usage usage,
                             String jobStatus, String result) {
        for (int i = 1; i < activities.size(); i++) {
            activities.get(i).put("previousActivityId", activities.get(i - 1).path("id").asText());
        }
        if (activities.size() > 1) {
            fields.putArray("activities").addAll(activities);
        }
        ObjectNode last = activities.get(activities.size() - 1);
        // a popped delegate's run is gone; the chain lives on in the run that stays
        if (state.top() == run) {
            run.put("lastActivityId", last.path("id").asText());
        }
        fields.put("retryCount", run.path("retries").asInt());
        return new StepResult(checkpointId, runId, stepNumber, member, status, activities.get(0), fields, usage,
                jobStatus, result, null);
    }

    private static ObjectNode expert(Definition.Member m) {
        return JsonNodeFactory.instance.objectNode().put("key", m.key()).put("name", m.name()).put("version", m.version());
    }

    private static void reasoning(ObjectNode activity, String reasoning) {
        if (reasoning != null) {
            activity.put("reasoning", reasoning);
        }
    }
}
