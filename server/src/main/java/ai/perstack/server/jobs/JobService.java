package ai.perstack.server.jobs;

import ai.perstack.server.providers.ReasoningBudget;
import ai.perstack.server.applications.ApplicationService;
import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Ids;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Page;
import ai.perstack.server.domain.PageRequest;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.providers.Providers;
import ai.perstack.server.registry.ExpertKey;
import ai.perstack.server.registry.RegistryService;
import ai.perstack.server.registry.Views.DefinitionView;
import ai.perstack.server.store.ApplicationRecord;
import ai.perstack.server.store.ApplicationRepository;
import ai.perstack.server.store.CheckpointRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.EnvRepository;
import ai.perstack.server.store.JobRecord;
import ai.perstack.server.store.JobRepository;
import ai.perstack.server.store.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The jobs API: start, read, pause/resume, continue, cancel, and checkpoints. Every state
 * change happens under the job's row lock; the runner picks it up at its next step boundary.
 */
public final class JobService {
    /** Fields job lists can be sorted by. */
    public static final Set<String> SORT_FIELDS = Set.of("createdAt", "updatedAt");
    /** Fields checkpoint lists can be sorted by. */
    public static final Set<String> CHECKPOINT_SORT_FIELDS = Set.of("sequence", "createdAt");

    private final Database db;
    private final JobRepository jobs;
    private final CheckpointRepository checkpoints;
    private final ApplicationRepository applications;
    private final RegistryService registry;
    private final Providers providers;
    private final JobSignals signals;
    private final Clock clock;
    private final RunSettingsChecks settings;

    public JobService(Database db, JobRepository jobs, CheckpointRepository checkpoints,
                      ApplicationRepository applications, EnvRepository env, RegistryService registry,
                      Providers providers, JobSignals signals, Clock clock) {
        this.db = db;
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.applications = applications;
        this.registry = registry;
        this.providers = providers;
        this.signals = signals;
        this.clock = clock;
        this.settings = new RunSettingsChecks(providers, env);
    }

    private volatile ai.perstack.server.skills.StdioPolicy stdioPolicy = ai.perstack.server.skills.StdioPolicy.NONE;

    /** The operator's rule for stdio skills, checked when a job starts (default: none may start). */
    public void setStdioPolicy(ai.perstack.server.skills.StdioPolicy policy) {
        this.stdioPolicy = policy;
    }

    private volatile JobInputs inputs;

    /** Where the files of {@code uploads} come from and go to; without it {@code uploads} is refused. */
    public void setUploads(ai.perstack.server.workspaces.Workspaces workspaces,
                           ai.perstack.server.workspaces.StagedUploads uploads) {
        this.inputs = new JobInputs(workspaces, uploads);
    }

    /** The rule application deletion follows: not while a job of it is queued, running or paused. */
    public ApplicationService.DeletionGuard deletionGuard() {
        return (tx, organizationId, applicationId) -> {
            long n = jobs.countUnfinished(tx, organizationId, applicationId);
            return n == 0 ? null : "application " + applicationId + " has " + n + " queued, running or paused job(s)";
        };
    }

    /** Validates and queues a job. */
    public JobRecord start(Organization org, JobRequests.Start in) {
        Validation v = new Validation();
        v.length("applicationId", in.applicationId(), 1, 255);
        ExpertKey key = null;
        if (v.length("expertKey", in.expertKey(), 4, 768)) {
            key = ExpertKey.parse(in.expertKey());
            if (key == null) {
                v.fail("expertKey", "must be @org/name, @org/name@version or @org/name@tag");
            }
        }
        JobInputs.checkQueryAndFiles(inputs, v, in.query(), in.files(), in.uploads(), true);
        ModelProvider provider = settings.provider(v, in.provider(), true);
        RunSettingsChecks.model(v, in.model(), provider);
        ReasoningBudget reasoningBudget = RunSettingsChecks.reasoningBudget(v, in.reasoningBudget());
        RunSettingsChecks.range(v, "maxSteps", in.maxSteps(), 1, 10_000);
        RunSettingsChecks.range(v, "maxRetries", in.maxRetries(), 0, 100);
        v.throwIfInvalid();
        ExpertKey expertKey = key;
        JobInputs.Transfer transfer = inputs == null ? null : inputs.transfer(org, in.uploads());
        JobRecord job = JobInputs.store(transfer, () -> db.inTransaction(tx -> {
            ApplicationRecord app = applications.find(tx, org.id(), in.applicationId()).orElse(null);
            if (app == null) {
                v.fail("applicationId", "application " + in.applicationId() + " not found");
            } else if (!"active".equals(app.status())) {
                v.fail("applicationId", "application " + in.applicationId() + " is inactive");
            }
            DefinitionView definition = resolve(tx, org, expertKey, v);
            settings.secret(tx, org, provider, v);
            if (definition != null) {
                RunSettingsChecks.query(v, provider, in.query(), definition.experts().path(0));
                SkillSpecs.refusals(definition.experts(), stdioPolicy).forEach(v::fail);
            }
            v.throwIfInvalid();
            Instant now = now();
            JsonNode coordinator = definition.experts().path(0);
            ObjectNode snapshot = Definition.snapshot(definition.version().version(), definition.experts());
            snapshotPublishedDelegates(tx, org, coordinator, snapshot);
            JobRecord j = new JobRecord(Ids.newId(), org.id(), in.applicationId(), in.expertKey(),
                    definition.scopeName() + "@" + definition.version().version(), snapshot.toString(), now);
            j.status = JobStatus.QUEUED;
            j.query = in.query();
            j.filesJson = JobJson.files(JobFiles.merge(in.files() == null ? List.of() : in.files(),
                    JobInputs.paths(in.uploads())));
            j.provider = in.provider();
            j.model = in.model();
            j.reasoningBudget = reasoningBudget.stored();
            j.maxSteps = in.maxSteps() == null ? 100 : in.maxSteps();
            j.maxRetries = in.maxRetries() == null ? 5 : in.maxRetries();
            j.stateJson = RunState.start(coordinator.path("key").asText(), in.query()).toJson();
            j.updatedAt = now;
            jobs.insert(tx, j);
            if (transfer != null) {
                transfer.into(j.id, true);
            }
            return j;
        }));
        signals.queued();
        return job;
    }

    /** Resolves the expert key like {@code experts.get}; a failure is a 400 on {@code expertKey}. */
    private DefinitionView resolve(Tx tx, Organization org, ExpertKey key, Validation v) throws SQLException {
        try {
            return registry.resolve(tx, org, key);
        } catch (ApiException e) {
            v.fail("expertKey", e.getMessage());
            return null;
        }
    }

    /** Published experts the coordinator delegates to by full key, so the runtime can name them. */
    private void snapshotPublishedDelegates(Tx tx, Organization org, JsonNode coordinator, ObjectNode snapshot)
            throws SQLException {
        for (JsonNode d : coordinator.path("delegates")) {
            ExpertKey key = ExpertKey.parse(d.asText());
            if (key == null) {
                continue;
            }
            try {
                DefinitionView view = registry.resolve(tx, org, key);
                JsonNode first = view.experts().path(0);
                ObjectNode entry = snapshot.with("external").putObject(d.asText());
                entry.put("name", first.path("name").asText()).put("version", view.version().version());
                entry.set("expert", first);
            } catch (ApiException e) {
                // Not resolvable now: a run that delegates to it stops with an error naming it.
            }
        }
    }

    /** A job only goes on while its application exists and is active (409 otherwise). */
    private void requireActiveApplication(Tx tx, Organization org, JobRecord job) throws SQLException {
        ApplicationRecord app = applications.find(tx, org.id(), job.applicationId).orElse(null);
        if (app == null) {
            throw ApiException.conflict("application " + job.applicationId + " was deleted; its jobs cannot go on");
        }
        if (!"active".equals(app.status())) {
            throw ApiException.conflict("application " + job.applicationId + " is inactive; its jobs cannot go on");
        }
    }

    public Page<JobRecord> list(Organization org, JobRepository.Filter filter, PageRequest page) {
        return db.inTransaction(tx -> jobs.list(tx, org.id(), filter, page));
    }

    public JobRecord get(Organization org, String id) {
        return db.inTransaction(tx -> require(tx, org, id, false));
    }

    /** {@code running → paused} (also from queued: it pauses before its first step) and {@code paused → running}. */
    public JobRecord update(Organization org, String id, String status) {
        JobRecord job = db.inTransaction(tx -> {
            JobRecord j = require(tx, org, id, true);
            boolean pause = JobStatus.PAUSED.equals(status)
                    && (JobStatus.RUNNING.equals(j.status) || JobStatus.QUEUED.equals(j.status));
            boolean resume = JobStatus.RUNNING.equals(status) && JobStatus.PAUSED.equals(j.status);
            if (!pause && !resume) {
                throw ApiException.conflict("cannot change a " + j.status + " job to " + status);
            }
            if (resume) {
                requireActiveApplication(tx, org, j);
            }
            j.status = status;
            j.updatedAt = now();
            jobs.update(tx, j);
            return j;
        });
        signals.changed(id);
        signals.queued();
        return job;
    }

    /** Queues a stopped, completed or paused job again; see {@link JobContinuation}. */
    public JobRecord continueJob(Organization org, String id, JobRequests.Continue in) {
        Validation v = new Validation();
        JobInputs.checkQueryAndFiles(inputs, v, in.query(), in.files(), in.uploads(), false);
        ModelProvider provider = settings.provider(v, in.provider(), false);
        RunSettingsChecks.model(v, in.model(), null);
        RunSettingsChecks.range(v, "maxSteps", in.maxSteps(), 1, 10_000);
        if (in.interactiveToolCallResult() && in.query() == null) {
            v.fail("query", "is required with interactiveToolCallResult: the answer");
        }
        v.throwIfInvalid();
        JobInputs.Transfer transfer = inputs == null ? null : inputs.transfer(org, in.uploads());
        JobRecord job = JobInputs.store(transfer, () -> db.inTransaction(tx -> {
            JobRecord j = require(tx, org, id, true);
            requireActiveApplication(tx, org, j);
            settings.secret(tx, org, provider, v);
            List<String> added = JobFiles.merge(in.files() == null ? List.of() : in.files(), JobInputs.paths(in.uploads()));
            JobFiles.checkAdded(v, j.filesJson, added);
            v.throwIfInvalid();
            JobContinuation.apply(j, in, provider != null ? provider : providers.find(j.provider).orElse(null), now());
            if (in.uploads() != null && !in.uploads().isEmpty()) {
                j.filesJson = JobJson.files(JobFiles.merge(JobJson.files(j.filesJson), JobInputs.paths(in.uploads())));
            }
            jobs.update(tx, j);
            if (transfer != null) {
                transfer.into(j.id, false);
            }
            return j;
        }));
        signals.changed(id);
        signals.queued();
        return job;
    }

    /** {@code queued|running|paused → canceled}; idempotent on canceled; 409 from other terminal statuses. */
    public JobRecord cancel(Organization org, String id) {
        JobRecord job = db.inTransaction(tx -> {
            JobRecord j = require(tx, org, id, true);
            if (JobStatus.CANCELED.equals(j.status)) {
                return j;
            }
            if (!JobStatus.CANCELABLE.contains(j.status)) {
                throw ApiException.conflict("cannot cancel a " + j.status + " job");
            }
            Instant now = now();
            j.status = JobStatus.CANCELED;
            j.finishedAt = now;
            j.updatedAt = now;
            jobs.update(tx, j);
            return j;
        });
        signals.canceled(id);
        return job;
    }

    /** One page of a job's checkpoints, as stored JSON. */
    public Page<String> checkpoints(Organization org, String jobId, PageRequest page) {
        return db.inTransaction(tx -> {
            require(tx, org, jobId, false);
            return checkpoints.page(tx, jobId, page);
        });
    }

    public String checkpoint(Organization org, String jobId, String checkpointId) {
        return db.inTransaction(tx -> {
            require(tx, org, jobId, false);
            return checkpoints.find(tx, jobId, checkpointId)
                    .orElseThrow(() -> ApiException.notFound("checkpoint " + checkpointId + " not found"));
        });
    }

    /** Makes sure the job exists in the organization (404 otherwise), for the stream. */
    public void requireVisible(Organization org, String jobId) {
        db.inTransaction(tx -> require(tx, org, jobId, false));
    }

    /** The job's status and last sequence, read together. */
    public Progress progress(String jobId) {
        return db.inTransaction(tx -> jobs.progress(tx, jobId)
                .map(p -> new Progress(p[0], Integer.parseInt(p[1])))
                .orElseThrow(() -> ApiException.notFound("job " + jobId + " not found")));
    }

    /** Stored checkpoints with {@code after < sequence <= upTo}. */
    public List<CheckpointRepository.StoredCheckpoint> range(String jobId, int after, int upTo, int limit) {
        return db.inTransaction(tx -> checkpoints.range(tx, jobId, after, upTo, limit));
    }

    /**
     * The job's progress and, read in the same transaction, up to {@code limit} of its stored
     * checkpoints with {@code after < sequence <= lastSequence}.
     */
    public Tail tail(String jobId, int after, int limit) {
        return db.inTransaction(tx -> {
            Progress p = jobs.progress(tx, jobId).map(r -> new Progress(r[0], Integer.parseInt(r[1])))
                    .orElseThrow(() -> ApiException.notFound("job " + jobId + " not found"));
            return new Tail(p, p.lastSequence() > after && limit > 0
                    ? checkpoints.range(tx, jobId, after, p.lastSequence(), limit) : List.of());
        });
    }

    /** What {@link #tail} read. */
    public record Tail(Progress progress, List<CheckpointRepository.StoredCheckpoint> checkpoints) {
        /** The sequence of the last checkpoint read, or {@code after} when none was. */
        public int lastRead(int after) {
            return checkpoints.isEmpty() ? after : checkpoints.get(checkpoints.size() - 1).sequence();
        }
    }

    /** A job's status and the sequence of its last checkpoint. */
    public record Progress(String status, int lastSequence) {
        public boolean finished() {
            return JobStatus.FINISHED.contains(status);
        }
    }

    public JobSignals signals() {
        return signals;
    }

    private JobRecord require(Tx tx, Organization org, String id, boolean lock) throws SQLException {
        return (lock ? jobs.lock(tx, org.id(), id) : jobs.find(tx, org.id(), id))
                .orElseThrow(() -> ApiException.notFound("job " + id + " not found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
