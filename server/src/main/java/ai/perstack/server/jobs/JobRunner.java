package ai.perstack.server.jobs;

import ai.perstack.server.providers.ReasoningBudget;
import ai.perstack.server.providers.Action;
import ai.perstack.server.providers.ContextWindows;
import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.providers.OfferedTool;
import ai.perstack.server.providers.ProviderFailure;
import ai.perstack.server.providers.Providers;
import ai.perstack.server.providers.StepContext;
import ai.perstack.server.providers.Usage;
import ai.perstack.server.skills.ResultPart;
import ai.perstack.server.skills.SkillSet;
import ai.perstack.server.skills.SkillStartException;
import ai.perstack.server.skills.ToolResult;
import ai.perstack.server.skills.UnknownToolException;
import ai.perstack.server.store.CheckpointRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.JobRecord;
import ai.perstack.server.store.JobRepository;
import ai.perstack.server.store.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a claimed job step by step. Each step: read the job (is it still ours and running?),
 * take the step without holding a transaction, then commit its checkpoint together with the
 * job's counters, usage and runtime state, and wake the job's streams. Pause, cancel and
 * continue are requests the API writes into the job row; the runner honours them at the
 * step boundary (a cancel also interrupts the step's waits).
 */
final class JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final long CANCEL_CHECK_MS = 500;

    private final Database db;
    private final JobRepository jobs;
    private final CheckpointRepository checkpoints;
    private final Providers providers;
    private final JobSignals signals;
    private final Clock clock;
    private final Duration lease;
    private final Function<String, JobEnvironment> environments;
    private final JobSkills skills;

    /** A step about to be taken: the job as read, its runtime state, definition and provider. */
    private record Prepared(JobRecord job, RunState state, Definition definition, ModelProvider provider) {
    }

    JobRunner(Database db, JobRepository jobs, CheckpointRepository checkpoints, Providers providers,
              JobSignals signals, Clock clock, Duration lease, Function<String, JobEnvironment> environments,
              JobSkills skills) {
        this.skills = skills;
        this.db = db;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.providers = providers;
        this.signals = signals;
        this.clock = clock;
        this.lease = lease;
        this.environments = environments;
    }

    /** Runs the job {@code owner} claimed until it stops, pauses, is canceled, or the server stops. */
    void run(String jobId, String owner) {
        StepInterrupts.Token token = signals.interrupts().register(jobId);
        // the job's skill sessions live while this worker runs it: a stop, pause, cancel or
        // shutdown returns from here and closes them, with every process they started
        JobSkills.Scope scope = skills.scope(jobId);
        Runnable closeOnCancel = scope::close;
        token.onCancel(closeOnCancel);
        try {
            Prepared next = null;
            while (true) {
                // The commit of a step already checked and extended the claim: the next step
                // starts from what it wrote, without another transaction.
                Prepared p = next != null ? next : db.inTransaction(tx -> prepare(tx, jobId, owner));
                if (p == null) {
                    signals.changed(jobId);
                    return;
                }
                Instant started = now();
                StepResult step;
                try {
                    step = take(p, token, scope);
                } catch (InterruptedException e) {
                    // Canceled (the API already wrote it) or the server stops: nothing of the step is kept.
                    release(jobId, owner);
                    signals.changed(jobId);
                    return;
                }
                if (step.jobStatus() != null) {
                    // the job ends with this step: its skill processes are gone before anyone sees it ended
                    scope.close();
                }
                next = db.inTransaction(tx -> commit(tx, jobId, owner, p, step, started));
                signals.changed(jobId);
                if (next == null || token.shutdownRequested()) {
                    if (next != null) {
                        release(jobId, owner);
                    }
                    return;
                }
            }
        } finally {
            scope.close();
            signals.interrupts().unregister(jobId, token);
        }
    }

    private Prepared prepare(Tx tx, String jobId, String owner) throws SQLException {
        JobRecord job = jobs.lock(tx, jobId).orElse(null);
        if (job == null || !owner.equals(job.claimedBy)) {
            return null;
        }
        Instant now = now();
        if (!JobStatus.RUNNING.equals(job.status) && !JobStatus.QUEUED.equals(job.status)) {
            releaseClaim(job, now);
            jobs.update(tx, job);
            return null;
        }
        Prepared p;
        try {
            ModelProvider provider = providers.find(job.provider).orElseThrow(() ->
                    new IllegalArgumentException("provider " + job.provider + " is not available on this server"));
            p = new Prepared(job, RunState.parse(job.stateJson), Definition.parse(job.definitionJson), provider);
        } catch (IllegalArgumentException e) {
            // A job this server cannot resume is stopped with the reason, never left running.
            finish(job, JobStatus.STOPPED_BY_ERROR, now);
            job.errorName = "CannotResume";
            job.errorMessage = "the job cannot be resumed: " + e.getMessage();
            job.errorRetryable = false;
            jobs.update(tx, job);
            return null;
        }
        if (job.totalSteps >= job.maxSteps) {
            finish(job, JobStatus.STOPPED_BY_MAX_STEPS, now);
            jobs.update(tx, job);
            return null;
        }
        job.status = JobStatus.RUNNING;
        job.leaseUntil = now.plus(lease);
        job.updatedAt = now;
        jobs.update(tx, job);
        return p;
    }

    /** Takes one step of the top run; its number counts through the whole job, as core counts it. */
    private StepResult take(Prepared p, StepInterrupts.Token token, JobSkills.Scope scope) throws InterruptedException {
        ObjectNode run = p.state().top();
        int stepNumber = p.job().totalSteps + 1;
        run.put("stepNumber", run.path("stepNumber").asInt() + 1);
        Definition.Member member = p.definition().member(run.path("expertKey").asText());
        if (member == null) {
            return new StepRecorder(p.state(), stepNumber, p.definition(), p.definition().coordinator())
                    .error(new ProviderFailure("UnknownExpert", "expert " + run.path("expertKey").asText()
                            + " is not in the job's definition", false));
        }
        StepRecorder recorder = new StepRecorder(p.state(), stepNumber, p.definition(), member);
        ObjectNode delegation = (ObjectNode) run.remove("delegation");
        if (delegation != null) {
            // The provider sees the result at its next step (as the delegate call's result).
            run.put("delegateResult", delegation.path("result").asText());
            return recorder.delegationComplete(1);
        }
        String answer = run.hasNonNull("answer") ? run.get("answer").asText() : null;
        String delegateResult = run.hasNonNull("delegateResult") ? run.get("delegateResult").asText() : null;
        String organizationId = p.job().organizationId;
        String toolResult = run.hasNonNull("toolResult") ? run.get("toolResult").asText() : null;
        JobEnvironment environment = JobEnvironment.lazy(() -> environments.apply(organizationId));
        StepContext ctx = new StepContext(p.job().query, run.path("query").asText(), p.state().inDelegate(),
                member.expert(), p.job().model, answer, (ObjectNode) run.get("memo"),
                millis -> sleep(p.job().id, token, millis), JobJson.files(p.job().filesJson),
                ReasoningBudget.fromStored(p.job().reasoningBudget), delegateResult, delegates(p.definition(), member),
                environment, () -> offered(p, member, environment, scope), toolResult);
        try {
            Action action = p.provider().next(ctx);
            run.put("retries", 0);
            run.remove("answer");
            run.remove("delegateResult");
            run.remove("toolResult");
            if (action instanceof Action.UseTool t && t.resultText() == null) {
                ToolResult result = callTool(p, member, t, ctx.environment(), scope, token);
                // the provider sees the result at its next step, as that call's result
                run.put("toolResult", resultText(result));
                return recorder.tool(t, result);
            }
            return recorder.of(action);
        } catch (ProviderFailure unscrubbed) {
            // Every failure of a step passes here on its way to the job, its checkpoint, the
            // store and the log: whatever a provider or the JDK put in the message, no secret
            // value of the organization goes on.
            ProviderFailure f = scrubbed(unscrubbed, environment);
            int retries = run.path("retries").asInt();
            if (f.retryable() && retries < p.job().maxRetries) {
                run.put("retries", retries + 1);
                return recorder.retry(f);
            }
            return recorder.error(f);
        } catch (RuntimeException e) {
            ProviderFailure f = scrubbed(new ProviderFailure(e.getClass().getSimpleName(),
                    "the provider failed: " + e.getMessage(), false), environment);
            // The exception itself is not logged: its message (and its causes') may hold a secret.
            LOG.warn("provider {} failed on job {}: {} at {}", p.provider().name(), p.job().id, f.getMessage(),
                    e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            return recorder.error(f);
        }
    }

    /** The tools of the member's skills, for the model; a skill that cannot start stops the job naming it. */
    private List<OfferedTool> offered(Prepared p, Definition.Member member, JobEnvironment env, JobSkills.Scope scope)
            throws ProviderFailure {
        if (SkillSpecs.of(member.expert()).isEmpty()) {
            return List.of();
        }
        try {
            return scope.of(member.key(), member.expert(), p.state(), env).tools().stream()
                    .map(t -> new OfferedTool(t.skillName(), t.name(), t.description(), t.inputSchema())).toList();
        } catch (SkillStartException e) {
            throw new ProviderFailure("SkillStartError", e.getMessage(), false);
        }
    }

    /** A result as the model reads it: its text parts, with a note for each image or file. */
    private static String resultText(ToolResult result) {
        StringBuilder b = new StringBuilder();
        for (ResultPart part : result.parts()) {
            if (b.length() > 0) {
                b.append("\n");
            }
            if (part instanceof ResultPart.Text t) {
                b.append(t.text());
            } else if (part instanceof ResultPart.ImageInline i) {
                b.append("[image ").append(i.mimeType()).append(", ").append(i.encodedData().length()).append(" base64 characters]");
            } else if (part instanceof ResultPart.FileInline f) {
                b.append("[file ").append(f.mimeType()).append(", ").append(f.encodedData().length()).append(" base64 characters]");
            }
        }
        return b.toString();
    }

    /** Runs a tool through the member's skills; an unknown tool or a skill that cannot start is an error result. */
    private ToolResult callTool(Prepared p, Definition.Member member, Action.UseTool t, JobEnvironment env,
                                JobSkills.Scope scope, StepInterrupts.Token token) throws InterruptedException {
        try {
            SkillSet set = scope.of(member.key(), member.expert(), p.state(), env);
            return set.call(t.toolName(), t.args());
        } catch (UnknownToolException e) {
            return new ToolResult(t.skillName(), t.toolName(), List.of(new ResultPart.Text(e.getMessage())));
        } catch (SkillStartException e) {
            return new ToolResult(t.skillName(), t.toolName(), List.of(new ResultPart.Text(
                    "Error calling tool " + t.toolName() + ": " + e.getMessage())));
        } finally {
            if (token.canceled()) {
                throw new InterruptedException(token.shutdownRequested() ? "the server stops" : "the job was canceled");
            }
        }
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
        return clean.equals(message) ? f : new ProviderFailure(f.name(), clean, f.retryable(), f.retryAfter());
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

    /**
     * Commits a step; returns the next step's starting point when the runner goes on (the job
     * still ours, running, under its step limit), else null.
     */
    private Prepared commit(Tx tx, String jobId, String owner, Prepared p, StepResult taken, Instant started)
            throws SQLException {
        JobRecord job = jobs.lock(tx, jobId).orElse(null);
        if (job == null || !owner.equals(job.claimedBy)) {
            return null;
        }
        Instant now = now();
        if (!JobStatus.RUNNING.equals(job.status) && !JobStatus.QUEUED.equals(job.status)) {
            // Paused or canceled while the step ran: the step is dropped, so once a job is
            // reported paused it writes nothing more; a resume takes the step again from the
            // state of the last checkpoint.
            releaseClaim(job, now);
            jobs.update(tx, job);
            return null;
        }
        StepResult step = taken.jobStatus() == null && job.totalSteps + 1 >= job.maxSteps ? taken.stoppedByMaxSteps() : taken;
        int sequence = job.lastSequence + 1;
        job.lastSequence = sequence;
        job.totalSteps++;
        job.inputTokens += step.usage().inputTokens();
        job.outputTokens += step.usage().outputTokens();
        job.reasoningTokens += step.usage().reasoningTokens();
        job.cachedInputTokens += step.usage().cachedInputTokens();
        // A checkpoint's usage is the job's running total, as in core.
        Usage total = new Usage(job.inputTokens, job.outputTokens, job.reasoningTokens, job.cachedInputTokens);
        String model = job.model != null ? job.model : p.provider().defaultModel();
        checkpoints.insert(tx, step.checkpointId(), jobId, sequence, CheckpointJson.checkpoint(jobId, sequence, step,
                total, ContextWindows.of(model), started, now).toString(), now);
        job.stateJson = p.state().toJson();
        job.updatedAt = now;
        if (step.jobStatus() != null) {
            finish(job, step.jobStatus(), now);
            job.result = step.result();
            if (step.error() != null) {
                job.errorName = step.error().name();
                job.errorMessage = step.error().message();
                job.errorRetryable = step.error().retryable();
            }
            jobs.update(tx, job);
            return null;
        }
        job.status = JobStatus.RUNNING;
        job.leaseUntil = now.plus(lease);
        jobs.update(tx, job);
        return new Prepared(job, p.state(), p.definition(), p.provider());
    }

    /** Gives the job back (status unchanged) when this owner still holds it. */
    private void release(String jobId, String owner) {
        db.inTransaction(tx -> {
            JobRecord job = jobs.lock(tx, jobId).orElse(null);
            if (job != null && owner.equals(job.claimedBy)) {
                releaseClaim(job, now());
                jobs.update(tx, job);
            }
            return null;
        });
    }

    private static void releaseClaim(JobRecord job, Instant now) {
        job.claimedBy = null;
        job.leaseUntil = null;
        job.updatedAt = now;
    }

    private static void finish(JobRecord job, String status, Instant now) {
        job.status = status;
        job.finishedAt = now;
        releaseClaim(job, now);
    }

    /**
     * A provider's wait: ends early on a cancel in this process (the token) or, checked twice a
     * second, a cancel another process wrote to the store.
     */
    private void sleep(String jobId, StepInterrupts.Token token, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000L) > 0) {
            token.await(Math.min(left, CANCEL_CHECK_MS));
            if (!token.canceled() && left > CANCEL_CHECK_MS
                    && JobStatus.CANCELED.equals(db.inTransaction(tx -> jobs.status(tx, jobId)))) {
                token.cancel();
            }
            if (token.canceled()) {
                throw new InterruptedException(token.shutdownRequested() ? "the server stops" : "the job was canceled");
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
