package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.providers.Action;
import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.providers.OfferedTool;
import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.ReasoningBudget;
import ai.perstack.server.providers.StepContext;
import ai.perstack.server.providers.Usage;
import ai.perstack.server.skills.SkillStartException;
import ai.perstack.server.skills.ToolResult;
import ai.perstack.server.store.JobRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one step of a job's top run as core's loop does (perstack-core §7): a step is one model call and
 * all its tool calls. The calls are sorted skill tools → delegates → interactive tools; the skill tools run
 * in parallel; delegates stop the run for their child runs; interactive tools stop the job. Calls still
 * without a result wait in the run's {@code pendingCalls}, results in {@code partialResults}; once none is
 * pending, all results go to the model together ({@code readyResults}) at its next call.
 */
final class StepTaker {
    private static final Logger LOG = LoggerFactory.getLogger(StepTaker.class);
    /** Core's user message after a reply with neither text nor a tool call. */
    static final String EMPTY_REPLY_NOTE = retryNote("Error: No tool call or text generated",
            "You must generate a tool call or provide a response. Try again.");
    static final String BASE = "@perstack/base";

    private final Function<String, JobEnvironment> environments;
    private final ToolExecution tools;

    /**
     * One step's inputs: the job as read, the step's number (job-wide), the runtime state (a view of the stack
     * whose top run takes the step), definition and provider.
     */
    record Input(JobRecord job, int stepNumber, RunState state, Definition definition, ModelProvider provider,
                 StepContext.Sleeper sleeper, JobSkills.Scope scope, StepInterrupts.Token token) {
    }

    StepTaker(Function<String, JobEnvironment> environments) {
        this.environments = environments;
        this.tools = new ToolExecution();
    }

    StepResult take(Input in) throws InterruptedException {
        RunState state = in.state();
        ObjectNode run = state.top();
        int stepNumber = in.stepNumber();
        run.put("stepNumber", run.path("stepNumber").asInt() + 1);
        Definition.Member member = in.definition().member(run.path("expertKey").asText());
        if (member == null) {
            return new StepRecorder(state, stepNumber, in.definition(), in.definition().coordinator())
                    .error(new ProviderFailure("UnknownExpert", "expert " + run.path("expertKey").asText()
                            + " is not in the job's definition", false));
        }
        LegacyRun.upgrade(run);
        if (run.has("delegationsDone")) {
            // the delegates are back: the parent goes on as a new run, as core resumes it
            int count = run.remove("delegationsDone").asInt();
            run.remove("lastActivityId");
            run.put("runId", Ids.newId());
            return new StepRecorder(state, stepNumber, in.definition(), member).delegationComplete(count);
        }
        StepRecorder recorder = new StepRecorder(state, stepNumber, in.definition(), member);
        ArrayNode pending = run.withArray("pendingCalls");
        ArrayNode partial = run.withArray("partialResults");
        if (run.has("answer")) {
            String answer = run.remove("answer").asText();
            Action.Call answered = pending.isEmpty()
                    ? new Action.Call("", Action.Kind.INTERACTIVE, "", "", null)
                    : RunCalls.call(pending.remove(0));
            partial.add(RunCalls.textResult(answered, answer));
        }
        String organizationId = in.job().organizationId;
        JobEnvironment environment = JobEnvironment.lazy(() -> environments.apply(organizationId));
        Step step = new Step(in, member, recorder, environment);
        try {
            if (!pending.isEmpty()) {
                // core's resumeToolCalls: the calls of an earlier reply still without a result
                List<Action.Call> calls = RunCalls.calls(pending);
                run.putArray("pendingCalls");
                return step.callTools(calls, Usage.NONE, run.path("lastText").asText(null), null);
            }
            ArrayNode ready = run.withArray("readyResults");
            ready.addAll(partial);
            run.putArray("partialResults");
            return run.path("finalAnswer").asBoolean() ? step.finalAnswer(Usage.NONE, List.of()) : step.generate();
        } catch (ProviderFailure unscrubbed) {
            // Every failure of a step passes here on its way to the job, its checkpoint, the
            // store and the log: whatever a provider or the JDK put in the message, no secret
            // value of the organization goes on.
            ProviderFailure f = scrubbed(unscrubbed, environment);
            int retries = run.path("retries").asInt();
            if (f.retryable() && retries < in.job().maxRetries) {
                run.put("retries", retries + 1);
                // core's retry after a provider error: the next call carries {"error": name, "message": message}
                addRetryNote(run, retryNote(f.name(), f.getMessage()));
                return recorder.retry(f.name(), f.getMessage(), Usage.NONE);
            }
            if (f.retryable()) {
                // as core: out of retries, the error is final (isRetryable false)
                f = new ProviderFailure(f.name(), "Max retries (" + in.job().maxRetries + ") exceeded: " + f.getMessage(),
                        false, f.retryAfter(), f.statusCode());
            }
            return recorder.error(f);
        } catch (RuntimeException e) {
            ProviderFailure f = scrubbed(new ProviderFailure(e.getClass().getSimpleName(),
                    "the provider failed: " + e.getMessage(), false), environment);
            // The exception itself is not logged: its message (and its causes') may hold a secret.
            LOG.warn("provider {} failed on job {}: {} at {}", in.provider().name(), in.job().id, f.getMessage(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return recorder.error(f);
        }
    }

    /** One step under way. */
    private final class Step {
        private final Input in;
        private final Definition.Member member;
        private final StepRecorder recorder;
        private final JobEnvironment environment;
        private final ObjectNode run;

        Step(Input in, Definition.Member member, StepRecorder recorder, JobEnvironment environment) {
            this.in = in;
            this.member = member;
            this.recorder = recorder;
            this.environment = environment;
            this.run = in.state().top();
        }

        StepContext context(List<Action.Result> results, List<String> retryMessages) {
            JobRecord job = in.job();
            return new StepContext(job.query, run.path("query").asText(), in.state().inDelegate(), member.expert(),
                    job.model, (ObjectNode) run.get("memo"), in.sleeper(), JobJson.files(job.filesJson),
                    ReasoningBudget.fromStored(job.reasoningBudget), delegates(in.definition(), member), environment,
                    this::offered, results, retryMessages, false);
        }

        /** Core's GeneratingToolCall: one model call with every tool, given all results of the previous reply. */
        StepResult generate() throws ProviderFailure, InterruptedException {
            List<Action.Result> results = RunCalls.results(run.withArray("readyResults"));
            Action action = in.provider().next(context(results, retryNotes(run)));
            // the model has had the results and the notes: they are part of its conversation now
            run.remove(List.of("readyResults", "retryNote", "retryNotes"));
            if (action instanceof Action.Empty || action instanceof Action.Truncated) {
                int retries = run.path("retries").asInt();
                if (retries >= in.job().maxRetries) {
                    throw new ProviderFailure("MaxRetriesExceeded", "Max retries (" + in.job().maxRetries
                            + ") exceeded: " + (action instanceof Action.Empty ? "No tool call or text generated"
                            : "Generation length exceeded"), false);
                }
                run.put("retries", retries + 1);
                if (action instanceof Action.Empty) {
                    addRetryNote(run, EMPTY_REPLY_NOTE);
                    return recorder.retry("Error: No tool call or text generated",
                            "You must generate a tool call or provide a response. Try again.", action.usage());
                }
                return recorder.retry("Generation length exceeded",
                        "The reply was cut off at the output token limit", action.usage());
            }
            run.put("retries", 0);
            if (action instanceof Action.Query q) {
                return recorder.query(q);
            } else if (action instanceof Action.Todo t) {
                return recorder.todo(t);
            } else if (action instanceof Action.Complete c) {
                return recorder.complete(c.text(), c.usage(), c.reasoning(), List.of());
            }
            Action.ToolCalls t = (Action.ToolCalls) action;
            if (t.text() != null) {
                run.put("lastText", t.text());
            } else {
                run.remove("lastText");
            }
            return callTools(t.calls(), t.usage(), t.text(), t.reasoning());
        }

        /** Core's CallingTool: attemptCompletion alone, else skill tools in parallel, then delegates, then interactive. */
        StepResult callTools(List<Action.Call> unsorted, Usage usage, String text, String reasoning)
                throws ProviderFailure, InterruptedException {
            List<Action.Call> calls = new ArrayList<>(unsorted);
            calls.sort(Comparator.comparingInt(c -> c.kind().ordinal()));
            Action.Call attempt = calls.stream().filter(c -> c.kind() == Action.Kind.SKILL
                    && BASE.equals(c.skillName()) && "attemptCompletion".equals(c.toolName())).findFirst().orElse(null);
            if (attempt != null) {
                return attemptCompletion(attempt, usage, text, reasoning);
            }
            List<Action.Call> skills = new ArrayList<>(calls.stream().filter(c -> c.kind() == Action.Kind.SKILL).toList());
            List<Action.Call> delegates = calls.stream().filter(c -> c.kind() == Action.Kind.DELEGATE).toList();
            List<Action.Call> interactive = calls.stream().filter(c -> c.kind() == Action.Kind.INTERACTIVE).toList();
            if (in.state().groupOwner() != null && !interactive.isEmpty()) {
                // core's delegates have no interactive tools; one running beside others cannot stop the job for one
                for (Action.Call c : interactive) {
                    skills.add(new Action.Call(c.id(), Action.Kind.SKILL, c.skillName(),
                            c.toolName(), c.args(), "Error: interactive tools are not available to a delegate that runs"
                            + " beside other delegates"));
                }
                interactive = List.of();
            }
            ArrayNode partial = run.withArray("partialResults");
            if (skills.isEmpty()) {
                if (!delegates.isEmpty()) {
                    interactive.forEach(c -> run.withArray("pendingCalls").add(RunCalls.toJson(c)));
                    return recorder.delegates(delegates, usage, reasoning, interactive);
                }
                interactive.forEach(c -> run.withArray("pendingCalls").add(RunCalls.toJson(c)));
                return recorder.interactive(interactive, usage, reasoning, partial);
            }
            List<ToolResult> results = run(skills);
            List<Action.Call> waiting = new ArrayList<>(delegates);
            waiting.addAll(interactive);
            ArrayNode target = waiting.isEmpty() ? run.withArray("readyResults") : partial;
            for (int i = 0; i < skills.size(); i++) {
                target.add(RunCalls.result(skills.get(i), results.get(i)));
            }
            // delegates and interactive calls of the same reply take the next step (core's resumeToolCalls)
            waiting.forEach(c -> run.withArray("pendingCalls").add(RunCalls.toJson(c)));
            return recorder.tools(skills, results, usage, reasoning, waiting, partial);
        }

        /**
         * Core's attemptCompletion: only it runs. Open todos make it an ordinary result; otherwise the run completes
         * with the reply's text, or with the text of one more model call without tools when the reply had none.
         */
        private StepResult attemptCompletion(Action.Call attempt, Usage usage, String text, String reasoning)
                throws ProviderFailure, InterruptedException {
            ToolResult result = run(List.of(attempt)).get(0);
            JsonNode remaining = ToolActivities.json(result.firstText()).path("remainingTodos");
            if (remaining.isArray() && !remaining.isEmpty()) {
                run.withArray("readyResults").add(RunCalls.result(attempt, result));
                return recorder.tools(List.of(attempt), List.of(result), usage, reasoning, List.of(),
                        run.withArray("partialResults"));
            }
            ObjectNode activity = recorder.toolActivity(attempt, result, reasoning);
            run.remove("lastText");
            if (text != null && !text.isBlank()) {
                return recorder.complete(text, usage, null, List.of(activity));
            }
            // kept in the run until the final call succeeds: a failed one is retried as the final call again
            run.withArray("readyResults").add(RunCalls.result(attempt, result));
            run.put("finalAnswer", true);
            return finalAnswer(usage, List.of(activity));
        }

        /** Core's GeneratingRunResult: one model call without tools; its text (maybe empty) completes the run. */
        StepResult finalAnswer(Usage usage, List<ObjectNode> before) throws ProviderFailure, InterruptedException {
            List<Action.Result> results = RunCalls.results(run.withArray("readyResults"));
            Action answer = in.provider().next(context(results, retryNotes(run)).forFinalAnswer(results));
            run.remove(List.of("readyResults", "finalAnswer", "retryNote", "retryNotes"));
            run.put("retries", 0);
            String finalText = answer instanceof Action.Complete c ? c.text() : "";
            return recorder.complete(finalText, usage.plus(answer.usage()), answer.reasoning(), before);
        }

        private List<ToolResult> run(List<Action.Call> calls) throws InterruptedException {
            return tools.run(calls, () -> in.scope().of(member.key(), member.expert(), in.state(), environment),
                    in.token());
        }

        /** The tools of the member's skills, for the model; a skill that cannot start stops the job naming it. */
        private List<OfferedTool> offered() throws ProviderFailure {
            if (SkillSpecs.of(member.expert()).isEmpty()) {
                return List.of();
            }
            try {
                return in.scope().of(member.key(), member.expert(), in.state(), environment).tools().stream()
                        .map(t -> new OfferedTool(t.skillName(), t.name(), t.description(), t.inputSchema())).toList();
            } catch (SkillStartException e) {
                throw new ProviderFailure("SkillStartError", e.getMessage(), false);
            }
        }
    }

    /**
     * Adds core's note of a retry to the run, for the next model call; each retry adds one (core appends a user
     * message per retry), until a call succeeds.
     */
    private static void addRetryNote(ObjectNode run, String note) {
        run.withArray("retryNotes").add(note);
    }

    /** The notes of the retries since the last successful call, oldest first (a single {@code retryNote} in runs stored before). */
    private static List<String> retryNotes(ObjectNode run) {
        List<String> notes = new java.util.ArrayList<>();
        if (run.hasNonNull("retryNote")) {
            notes.add(run.get("retryNote").asText());
        }
        run.path("retryNotes").forEach(n -> notes.add(n.asText()));
        return notes;
    }

    /** Core's text of a retry's user message: {@code {"error": ..., "message": ...}}. */
    private static String retryNote(String error, String message) {
        return JsonNodeFactory.instance.objectNode().put("error", error).put("message", message).toString();
    }

    /** {@code f} with every secret value of the job's organization masked in its message. */
    private static ProviderFailure scrubbed(ProviderFailure f, JobEnvironment environment) {
        String message = f.getMessage() == null ? "" : f.getMessage();
        String clean;
        try {
            clean = environment.scrub(message);
        } catch (RuntimeException unreadable) {
            // The secrets could not be read to mask them: keep nothing of the message.
            clean = f.name();
        }
        return clean.equals(message) ? f : new ProviderFailure(f.name(), clean, f.retryable(), f.retryAfter(),
                f.statusCode());
    }

    /** The experts a member can delegate to that the job's definition holds, by the key the member names them with. */
    private static Map<String, JsonNode> delegates(Definition definition, Definition.Member member) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode d : member.expert().path("delegates")) {
            Definition.Member m = definition.member(d.asText());
            if (m != null) {
                out.put(d.asText(), m.expert());
            }
        }
        return out;
    }
}
