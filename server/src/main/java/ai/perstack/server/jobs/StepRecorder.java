package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.providers.Action;
import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Records one step of a run as Perstack core would: turns what the provider decided into the
 * step's activity (core's types and fields) and checkpoint fields, and chains the activity to
 * the run ({@code previousActivityId}, {@code delegatedBy}). It changes the run state the way the
 * step does (a delegate pushed, a finished delegate popped), so it is used once per step.
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

    /** The step of what the provider decided. */
    StepResult of(Action action) {
        ObjectNode fields = fields();
        if (action instanceof Action.Query q) {
            return step(JobStatus.CP_INIT, activity("query").put("text", q.text()), fields, q.usage(), null, null);
        } else if (action instanceof Action.UseTool t) {
            ObjectNode activity = activity("generalTool").put("skillName", t.skillName()).put("toolName", t.toolName());
            activity.set("args", t.args());
            activity.putArray("result").addObject().put("type", "textPart").put("id", Ids.newId())
                    .put("text", t.resultText());
            return step(JobStatus.CP_PROCEEDING, activity, fields, t.usage(), null, null);
        } else if (action instanceof Action.Todo t) {
            return step(JobStatus.CP_PROCEEDING, todo(t.titles()), fields, t.usage(), null, null);
        } else if (action instanceof Action.AskUser a) {
            String toolCallId = a.toolCallId() != null ? a.toolCallId() : "call_" + Ids.newId();
            run.put("pendingToolCallId", toolCallId);
            ObjectNode activity = activity("interactiveTool").put("skillName", a.skillName()).put("toolName", a.toolName());
            activity.set("args", a.args());
            reasoning(activity, a);
            ObjectNode call = fields.putArray("pendingToolCalls").addObject().put("id", toolCallId)
                    .put("skillName", a.skillName()).put("toolName", a.toolName());
            call.set("args", a.args());
            return step(JobStatus.CP_INTERACTIVE, activity, fields, a.usage(), JobStatus.STOPPED_BY_INTERACTIVE_TOOL, null);
        } else if (action instanceof Action.Delegate d) {
            return delegate(d, fields);
        } else if (action instanceof Action.Complete c) {
            ObjectNode activity = activity("complete").put("text", c.text());
            reasoning(activity, c);
            if (state.inDelegate()) {
                state.pop();
                state.top().putObject("delegation").put("delegateTo", member.key()).put("result", c.text());
                return step(JobStatus.CP_COMPLETED, activity, fields, c.usage(), null, null);
            }
            return step(JobStatus.CP_COMPLETED, activity, fields, c.usage(), JobStatus.COMPLETED, c.text());
        }
        throw new IllegalStateException("unknown action " + action);
    }

    /** The step of a tool the runtime ran: core's activity for the call and its result. */
    StepResult tool(Action.UseTool t, ai.perstack.server.skills.ToolResult result) {
        ObjectNode activity = ToolActivities.fill(activity("generalTool"), t.args(), result);
        reasoning(activity, t);
        return step(JobStatus.CP_PROCEEDING, activity, fields(), t.usage(), null, null);
    }

    /** The step that records the delegates' results coming back ({@code count} of them). */
    StepResult delegationComplete(int count) {
        return step(JobStatus.CP_PROCEEDING, activity("delegationComplete").put("count", count), fields(), Usage.NONE,
                null, null);
    }

    /** A failed generation that will be retried. */
    StepResult retry(ProviderFailure f) {
        return step(JobStatus.CP_PROCEEDING, activity("retry").put("error", f.name()).put("message", f.getMessage()),
                fields(), Usage.NONE, null, null);
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

    private StepResult delegate(Action.Delegate d, ObjectNode fields) {
        String toolCallId = d.toolCallId() != null && !d.toolCallId().isEmpty() ? d.toolCallId() : "call_" + Ids.newId();
        Definition.Member target = definition.member(d.delegateTo());
        ObjectNode targetExpert = expert(target != null ? target : new Definition.Member(d.delegateTo(),
                d.delegateTo(), "", null));
        String toolName = toolName(d.delegateTo());
        ObjectNode entry = fields.putArray("delegateTo").addObject();
        entry.set("expert", targetExpert);
        entry.put("toolCallId", toolCallId).put("toolName", toolName).put("query", d.query());
        ObjectNode child = state.push(d.delegateTo(), d.query());
        ObjectNode by = child.putObject("delegatedBy");
        by.set("expert", expert(member));
        by.put("toolCallId", toolCallId).put("toolName", toolName).put("checkpointId", checkpointId).put("runId", runId);
        ObjectNode activity = activity("delegate").put("delegateExpertKey", d.delegateTo()).put("query", d.query());
        reasoning(activity, d);
        return step(JobStatus.CP_DELEGATE, activity, fields, d.usage(), null, null);
    }

    /** Core's delegate tool name: the last {@code /} segment of the delegate's key, without a version. */
    static String toolName(String delegateKey) {
        String last = delegateKey.substring(delegateKey.lastIndexOf('/') + 1);
        int at = last.indexOf('@');
        return at > 0 ? last.substring(0, at) : last;
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
        run.put("lastActivityId", activity.path("id").asText());
        fields.put("retryCount", run.path("retries").asInt());
        return new StepResult(checkpointId, runId, stepNumber, member, status, activity, fields, usage, jobStatus,
                result, null);
    }

    private static ObjectNode expert(Definition.Member m) {
        return JsonNodeFactory.instance.objectNode().put("key", m.key()).put("name", m.name()).put("version", m.version());
    }

    private static void reasoning(ObjectNode activity, Action action) {
        if (action.reasoning() != null) {
            activity.put("reasoning", action.reasoning());
        }
    }
}
