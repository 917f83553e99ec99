package ai.perstack.server.jobs;

import ai.perstack.server.providers.ContextWindows;
import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.providers.Providers;
import ai.perstack.server.providers.Usage;
import ai.perstack.server.store.CheckpointRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.JobRecord;
import ai.perstack.server.store.JobRepository;
import ai.perstack.server.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final StepTaker steps;
    /** Runs the steps of delegates that run concurrently (one thread each while they run). */
    private final ExecutorService delegates = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "job-delegate-step");
        t.setDaemon(true);
        return t;
    });

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
        this.steps = new StepTaker(environments);
    }

    /**
     * A job a worker claimed: its interrupt token (registered before the claim committed, so a
     * cancel committed after the claim always finds it) and the step to take first, or null when
     * the claim found that the job cannot run (it was stopped in the same transaction).
     */
    record Claim(String jobId, StepInterrupts.Token token, Prepared first) {
    }

    /**
     * Claims the next runnable job for {@code owner} and reads its first step in the same
     * transaction: one commit where a claim and a separate read-and-lock of the job took two (the
     * claim's update already holds the row's lock, so the read needs none). Empty when no job is
     * runnable.
     */
    Optional<Claim> claimNext(String owner) {
        StepInterrupts.Token[] registered = {null};
        String[] claimed = {null};
        try {
            return db.inTransaction(tx -> {
                Instant now = now();
                Optional<String> won = jobs.claimNext(tx, db.isPostgres(), owner, now, now.plus(lease));
                if (won.isEmpty()) {
                    return Optional.empty();
                }
                claimed[0] = won.get();
                registered[0] = signals.interrupts().register(claimed[0]);
                return Optional.of(new Claim(claimed[0], registered[0], prepare(tx, claimed[0], owner)));
            });
        } catch (RuntimeException e) {
            if (registered[0] != null) {
                signals.interrupts().unregister(claimed[0], registered[0]);
            }
            throw e;
        }
    }

    /** Runs the job {@code owner} claimed until it stops, pauses, is canceled, or the server stops. */
    void run(Claim claim, String owner) {
        String jobId = claim.jobId();
        StepInterrupts.Token token = claim.token();
        // the job's skill sessions live while this worker runs it: a stop, pause, cancel or
        // shutdown returns from here and closes them, with every process they started
        JobSkills.Scope scope = skills.scope(jobId);
        Runnable closeOnCancel = scope::close;
        token.onCancel(closeOnCancel);
        try {
            Prepared p = claim.first();
            if (p == null) {
                signals.changed(jobId);
                return;
            }
            while (true) {
                Instant started = now();
                List<StepResult> round;
                try {
                    round = takeRound(p, jobId, token, scope);
                } catch (InterruptedException e) {
                    // Canceled (the API already wrote it) or the server stops: nothing of the step is kept.
                    release(jobId, owner);
                    signals.changed(jobId);
                    return;
                }
                if (round.stream().anyMatch(s -> s.jobStatus() != null)) {
                    // the job ends with this step: its skill processes are gone before anyone sees it ended
                    scope.close();
                }
                // The commit checks and extends the claim: the next step starts from what it
                // wrote, without another transaction.
                Prepared taken = p;
                p = db.inTransaction(tx -> commit(tx, jobId, owner, taken, round, started));
                signals.changed(jobId);
                if (p == null || token.shutdownRequested()) {
                    if (p != null) {
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

    /**
     * Takes the next step of every run that can go on now: the top run, or each delegate of a group running
     * concurrently (in parallel threads, at most as many as the step budget has room for). Their numbers
     * count on through the job in call order.
     */
    private List<StepResult> takeRound(Prepared p, String jobId, StepInterrupts.Token token, JobSkills.Scope scope)
            throws InterruptedException {
        List<RunState> runs = p.state().frontier();
        int room = Math.max(1, p.job().maxSteps - p.job().totalSteps);
        List<RunState> now = runs.size() > room ? runs.subList(0, room) : runs;
        List<Callable<StepResult>> takes = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            StepTaker.Input in = new StepTaker.Input(p.job(), p.job().totalSteps + 1 + i, now.get(i), p.definition(),
                    p.provider(), millis -> sleep(jobId, token, millis), scope, token);
            takes.add(() -> steps.take(in));
        }
        if (takes.size() == 1) {
            try {
                return List.of(takes.get(0).call());
            } catch (InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<Future<StepResult>> running = new ArrayList<>();
        takes.forEach(t -> running.add(delegates.submit(t)));
        List<StepResult> out = new ArrayList<>();
        try {
            for (Future<StepResult> f : running) {
                out.add(f.get());
            }
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            throw e;
        }
        return out;
    }

    /** The first step of a job just claimed in {@code tx}, whose update of the row holds its lock. */
    private Prepared prepare(Tx tx, String jobId, String owner) throws SQLException {
        JobRecord job = jobs.get(tx, jobId).orElse(null);
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

    /** A checkpoint a step's commit writes. */
    private record NewCheckpoint(String id, int sequence, String json) {
    }

    /**
     * Commits a step; returns the next step's starting point when the runner goes on (the job
     * still ours, running, under its step limit), else null.
     */
    private Prepared commit(Tx tx, String jobId, String owner, Prepared p, List<StepResult> round, Instant started)
            throws SQLException {
        Instant now = now();
        JobRecord mine = p.job();
        // Usually nothing but this runner wrote the job since its last commit: then the row is
        // exactly what that commit left, and one conditional update (which takes the row's lock
        // and checks that) replaces reading and locking the row first. A pause, cancel, continue
        // or a claim by another process changed the status, the claim or updated_at, so the
        // update changes nothing and the step is committed (or dropped) from the row as it is.
        if (owner.equals(mine.claimedBy) && JobStatus.RUNNING.equals(mine.status) && mine.updatedAt != null) {
            Instant lastWritten = mine.updatedAt;
            List<NewCheckpoint> written = record(mine, p, round, started, now);
            if (jobs.updateIfUnchanged(tx, mine, owner, lastWritten)) {
                return inserted(tx, jobId, written, now, mine, p);
            }
        }
        JobRecord job = jobs.lock(tx, jobId).orElse(null);
        if (job == null || !owner.equals(job.claimedBy)) {
            return null;
        }
        if (!JobStatus.RUNNING.equals(job.status) && !JobStatus.QUEUED.equals(job.status)) {
            // Paused or canceled while the step ran: the step is dropped, so once a job is
            // reported paused it writes nothing more; a resume takes the step again from the
            // state of the last checkpoint.
            releaseClaim(job, now);
            jobs.update(tx, job);
            return null;
        }
        List<NewCheckpoint> written = record(job, p, round, started, now);
        jobs.update(tx, job);
        return inserted(tx, jobId, written, now, job, p);
    }

    /** Inserts the step's checkpoints; the next step's starting point when the job goes on, else null. */
    private Prepared inserted(Tx tx, String jobId, List<NewCheckpoint> written, Instant now, JobRecord job, Prepared p)
            throws SQLException {
        for (NewCheckpoint c : written) {
            checkpoints.insert(tx, c.id(), jobId, c.sequence(), c.json(), now);
        }
        return JobStatus.RUNNING.equals(job.status) ? new Prepared(job, p.state(), p.definition(), p.provider()) : null;
    }

    /**
     * Applies a round of steps to {@code job} (counters, usage, state; finished when a step ends
     * it, else running with a new lease) and returns the checkpoints to insert.
     */
    private List<NewCheckpoint> record(JobRecord job, Prepared p, List<StepResult> round, Instant started, Instant now) {
        // steps that end the job come last, so that nothing follows the job's last checkpoint
        List<StepResult> ordered = new ArrayList<>(round.stream().filter(s -> s.jobStatus() == null).toList());
        ordered.addAll(round.stream().filter(s -> s.jobStatus() != null).toList());
        List<NewCheckpoint> written = new ArrayList<>();
        StepResult stop = null;
        String model = job.model != null ? job.model : p.provider().defaultModel();
        for (StepResult taken : ordered) {
            StepResult step = taken.jobStatus() == null && job.totalSteps + 1 >= job.maxSteps
                    ? taken.stoppedByMaxSteps() : taken;
            int sequence = job.lastSequence + 1;
            job.lastSequence = sequence;
            job.totalSteps++;
            job.inputTokens += step.usage().inputTokens();
            job.outputTokens += step.usage().outputTokens();
            job.reasoningTokens += step.usage().reasoningTokens();
            job.cachedInputTokens += step.usage().cachedInputTokens();
            // A checkpoint's usage is the job's running total, as in core.
            Usage total = new Usage(job.inputTokens, job.outputTokens, job.reasoningTokens, job.cachedInputTokens);
            written.add(new NewCheckpoint(step.checkpointId(), sequence, CheckpointJson.checkpoint(job.id, sequence,
                    step, total, ContextWindows.of(model), started, now).toString()));
            if (stop == null && step.jobStatus() != null) {
                stop = step;
            }
        }
        job.stateJson = p.state().toJson();
        job.updatedAt = now;
        if (stop != null) {
            finish(job, stop.jobStatus(), now);
            job.result = stop.result();
            if (stop.error() != null) {
                job.errorName = stop.error().name();
                job.errorMessage = stop.error().message();
                job.errorRetryable = stop.error().retryable();
            }
        } else {
            job.status = JobStatus.RUNNING;
            job.leaseUntil = now.plus(lease);
        }
        return written;
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
