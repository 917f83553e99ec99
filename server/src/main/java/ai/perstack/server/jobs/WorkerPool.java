package ai.perstack.server.jobs;


import ai.perstack.server.domain.Ids;
import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.Providers;
import ai.perstack.server.store.CheckpointRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.JobRepository;
import ai.perstack.server.skills.ProcessLedger;
import ai.perstack.server.workspaces.Workspaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one server process. Each worker claims a runnable job from the store, runs it
 * until it stops, and looks for the next; idle workers sleep until a job is queued in this
 * process, or poll the store every {@link #IDLE_POLL} for jobs another process queued.
 * A claim is a lease renewed by a heartbeat, so the jobs of a process that died are claimed
 * again once their lease runs out; with H2 (one process per database) they are released at start.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final long IDLE_POLL = 2_000;

    private final Database db;
    private final JobRepository jobs;
    private final JobSignals signals;
    private final JobRunner runner;
    /** Where the jobs' workspaces live; swept for orphaned skill processes at start. */
    private final Workspaces workspaces;
    private final Clock clock;
    private final String processId = "p" + Ids.newId().substring(0, 12);
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService heartbeat;
    private final int size;
    private volatile boolean closed;

    /** A pool whose jobs see an empty environment (enough for the {@code mock} provider). */
    public WorkerPool(Database db, JobRepository jobs, CheckpointRepository checkpoints, Providers providers,
                      JobSignals signals, Clock clock, int size) {
        this(db, jobs, checkpoints, providers, signals, clock, size, organizationId -> JobEnvironment.empty(),
                SkillSettings.of(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "perstack-workspaces"),
                        ai.perstack.server.skills.StdioPolicy.NONE, false));
    }

    /**
     * A pool of {@code size} workers; {@code environments} gives the secrets and variables of an
     * organization (by id) to the providers and skills of its jobs; {@code skills} says how skills run.
     */
    public WorkerPool(Database db, JobRepository jobs, CheckpointRepository checkpoints, Providers providers,
                      JobSignals signals, Clock clock, int size, Function<String, JobEnvironment> environments,
                      SkillSettings skills) {
        if (size < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one worker");
        }
        this.db = db;
        this.jobs = jobs;
        this.signals = signals;
        this.clock = clock;
        this.workspaces = new Workspaces(skills.workspacesDir());
        this.runner = new JobRunner(db, jobs, checkpoints, providers, signals, clock, LEASE, environments,
                new JobSkills(workspaces, skills.stdioPolicy(),
                        skills.allowLoopbackHttp(), skills.limits(), skills.hostEnv()));
        if (!db.isPostgres()) {
            int released = db.inTransaction(jobs::releaseAllClaims);
            if (released > 0) {
                LOG.info("resuming {} job(s) left running by a previous process", released);
            }
        }
        this.size = size;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perstack-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the workers and the lease heartbeat. */
    public WorkerPool start() {
        for (int i = 1; i <= size; i++) {
            String owner = processId + "/w" + i;
            Thread t = new Thread(() -> work(owner), "perstack-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        Thread sweep = new Thread(() -> {
            int ended = ProcessLedger.reapAll(workspaces);
            if (ended > 0) {
                LOG.info("ended {} skill process(es) left by a server that was killed", ended);
            }
        }, "perstack-orphan-sweep");
        sweep.setDaemon(true);
        sweep.start();
        heartbeat.scheduleWithFixedDelay(this::renewLeases, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
        signals.wakeAllWorkers();
        return this;
    }

    private void work(String owner) {
        while (!closed) {
            try {
                long generation = signals.workGeneration();
                Optional<JobRunner.Claim> claim = runner.claimNext(owner);
                if (claim.isPresent()) {
                    signals.changed(claim.get().jobId());
                    runner.run(claim.get(), owner);
                } else {
                    signals.awaitWork(generation, IDLE_POLL);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                // A store hiccup (lock timeout, lost connection): back off and try again.
                LOG.warn("worker {} failed: {}", owner, e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void renewLeases() {
        try {
            db.inTransaction(tx -> jobs.renewLeases(tx, processId + "/%", now().plus(LEASE)));
        } catch (RuntimeException e) {
            LOG.warn("could not renew job leases: {}", e.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Stops: running steps end their waits at once and are dropped (the job stays claimable
     * and resumes from its last checkpoint), then the workers finish.
     */
    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        signals.interrupts().shutdown();
        signals.wakeAllWorkers();
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
