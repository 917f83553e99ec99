package ai.perstack.server;

import ai.perstack.server.applications.ApplicationService;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.env.EnvEntry;
import ai.perstack.server.env.EnvService;
import ai.perstack.server.http.HttpApi;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.jobs.JobSignals;
import ai.perstack.server.jobs.PostgresNotifications;
import ai.perstack.server.jobs.SkillSettings;
import ai.perstack.server.jobs.WorkerPool;
import ai.perstack.server.providers.JobEnvironment;
import ai.perstack.server.providers.Providers;
import ai.perstack.server.store.CheckpointRepository;
import ai.perstack.server.store.JobRepository;
import ai.perstack.server.registry.DraftService;
import ai.perstack.server.registry.RegistryService;
import ai.perstack.server.security.AccessService;
import ai.perstack.server.security.KeyFiles;
import ai.perstack.server.security.SecretCipher;
import ai.perstack.server.store.ApplicationRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.EnvRepository;
import ai.perstack.server.store.ExpertRepository;
import ai.perstack.server.store.OrganizationRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import ai.perstack.server.workspaces.StagedUploads;
import ai.perstack.server.workspaces.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Perstack platform, embeddable in-process: {@link #start} binds, migrates and
 * bootstraps, and returns when the server is ready; {@link #close} drains and stops.
 * Used by {@code perstack serve}, tests, and anything else that wants the API offline.
 */
public final class LocalPlatform implements AutoCloseable {
    /** The organization created on first start. */
    public static final String BOOTSTRAP_ORGANIZATION = "local";
    private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

    private final PlatformConfig config;
    private final Database db;
    private final AccessService access;
    private final HttpApi http;
    private final String bootstrapApiKey;
    private final ScheduledExecutorService housekeeping;
    private final JobSignals signals;
    private final WorkerPool workers;
    private final PostgresNotifications notifications;

    private final StagedUploads uploads;

    private LocalPlatform(PlatformConfig config, Database db, AccessService access, HttpApi http,
                          String bootstrapApiKey, JobSignals signals, WorkerPool workers,
                          PostgresNotifications notifications, StagedUploads uploads) {
        this.config = config;
        this.notifications = notifications;
        this.signals = signals;
        this.workers = workers;
        this.db = db;
        this.access = access;
        this.http = http;
        this.bootstrapApiKey = bootstrapApiKey;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perstack-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::expireIdempotencyRecords, 0, 10, TimeUnit.MINUTES);
        this.uploads = uploads;
        housekeeping.scheduleWithFixedDelay(this::expireUploads, 1, 1, TimeUnit.MINUTES);
    }

    /** Starts the platform; returns when it accepts requests. */
    public static LocalPlatform start(PlatformConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
        KeyFiles.restrict(config.dataDir());
        byte[] masterKey = config.masterKey() != null ? config.masterKey() : KeyFiles.loadOrCreateMasterKey(config.dataDir());
        Database db = Database.open(config.databaseUrl(), config.dataDir());
        KeyFiles.restrict(config.dataDir()); // the H2 file Database.open may just have created
        try {
            Clock clock = Clock.systemUTC();
            ObjectMapper json = new ObjectMapper();
            SecretCipher cipher = new SecretCipher(masterKey);
            AccessService access = new AccessService(db, new OrganizationRepository(), clock);
            String bootstrapKey = bootstrap(config, access);
            ApplicationRepository applications = new ApplicationRepository();
            ExpertRepository experts = new ExpertRepository();
            RegistryService registry = new RegistryService(db, experts, json, clock);
            EnvRepository env = new EnvRepository();
            JobRepository jobRepository = new JobRepository();
            CheckpointRepository checkpoints = new CheckpointRepository();
            Providers providers = Providers.builtIn(config.providerSettings());
            JobSignals signals = new JobSignals();
            JobService jobs = new JobService(db, jobRepository, checkpoints, applications, env, registry, providers,
                    signals, clock);
            ApplicationService applicationService = new ApplicationService(db, applications, clock);
            applicationService.setDeletionGuard(jobs.deletionGuard());
            jobs.setStdioPolicy(config.stdioPolicy());
            EnvService envService = new EnvService(db, env, cipher, clock);
            Workspaces workspaces = new Workspaces(config.workspacesDir());
            StagedUploads uploads = new StagedUploads(workspaces, config.fileLimits(), clock);
            jobs.setUploads(workspaces, uploads);
            HttpApi.Services services = new HttpApi.Services(db, access, applicationService,
                    envService,
                    registry, new DraftService(db, experts, applications, registry, clock), cipher, clock,
                    jobs, config.streamPing(),
                    workspaces, uploads);
            WorkerPool workers = new WorkerPool(db, jobRepository, checkpoints, providers, signals, clock,
                    config.workers(), organizationId -> jobEnvironment(envService, organizationId),
                    SkillSettings.of(config.workspacesDir(), config.stdioPolicy(), config.allowLoopbackMcp()));
            HttpApi http;
            try {
                http = new HttpApi(services, config.host(), config.port(), config.rateLimit(),
                        config.maxStreamsPerOrganization(), Version.VALUE);
            } catch (RuntimeException e) {
                workers.close();
                throw e;
            }
            PostgresNotifications notifications = db.isPostgres() ? new PostgresNotifications(db, signals).start() : null;
            LocalPlatform platform = new LocalPlatform(config, db, access, http, bootstrapKey, signals, workers.start(),
                    notifications, uploads);
            LOG.info("Perstack local platform {} listening on {} ({})", Version.VALUE, platform.baseUrl(),
                    db.isPostgres() ? "PostgreSQL" : "H2 in " + config.dataDir().toAbsolutePath());
            return platform;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** An organization's secrets and variables, told apart, for the providers of its jobs. */
    private static JobEnvironment jobEnvironment(EnvService env, String organizationId) {
        Organization org = new Organization(organizationId, null);
        Map<String, String> variables = new HashMap<>();
        for (EnvEntry v : env.list(org, EnvService.Kind.VARIABLE)) {
            variables.put(v.name(), v.value());
        }
        Map<String, String> secrets = new HashMap<>(env.environment(org));
        secrets.keySet().removeAll(variables.keySet());
        return JobEnvironment.of(variables, secrets);
    }

    /**
     * Makes sure organization {@code local} has a key: the configured one, or on first start a
     * generated one written to {@code DIR/api-key}. Returns the key when known this start.
     */
    private static String bootstrap(PlatformConfig config, AccessService access) {
        if (config.bootstrapApiKey() != null) {
            access.addKey(BOOTSTRAP_ORGANIZATION, config.bootstrapApiKey());
            return config.bootstrapApiKey();
        }
        if (access.hasKeys(BOOTSTRAP_ORGANIZATION)) {
            return null;
        }
        String key = access.createKey(BOOTSTRAP_ORGANIZATION);
        try {
            KeyFiles.writePrivate(config.dataDir().resolve("api-key"), key + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.dataDir().resolve("api-key"), e);
        }
        return key;
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /** For example {@code http://127.0.0.1:54321}. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    /**
     * The console's address, signed in with {@code apiKey}: the key travels in the URL fragment,
     * which browsers never send to the server; the console removes it from the address bar.
     */
    public String consoleUrl(String apiKey) {
        String base = baseUrl() + "/console/";
        return apiKey == null ? base
                : base + "#key=" + java.net.URLEncoder.encode(apiKey, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The key of organization {@code local} if known (given, or generated this start), else null. */
    public String bootstrapApiKey() {
        return bootstrapApiKey;
    }

    /** Creates the organization if needed and returns a new API key for it. */
    public String createApiKey(String organizationName) {
        return access.createKey(organizationName);
    }

    /** The configuration this platform was started with. */
    public PlatformConfig config() {
        return config;
    }

    /**
     * Deletes the staged uploads no job took that have expired (every minute on its own; any
     * process sharing the workspaces directory may do it). Returns how many were deleted.
     */
    public int expireStagedUploads() {
        return uploads.expire();
    }

    private void expireUploads() {
        try {
            uploads.expire();
        } catch (RuntimeException e) {
            LOG.warn("could not expire staged uploads: {}", e.toString());
        }
    }

    private void expireIdempotencyRecords() {
        try {
            http.expireIdempotencyRecords();
        } catch (RuntimeException e) {
            LOG.warn("could not expire idempotency records: {}", e.toString());
        }
    }

    /**
     * Ends the checkpoint streams, stops accepting requests and lets running ones finish, stops
     * the workers (their jobs resume from the last checkpoint on the next start), and closes the store.
     */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        try {
            signals.notifier().close();
            http.close();
        } finally {
            try {
                workers.close();
            } finally {
                try {
                    if (notifications != null) {
                        notifications.close();
                    }
                } finally {
                    db.close();
                }
            }
        }
    }
}
