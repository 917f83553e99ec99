package ai.perstack.server.http;

import ai.perstack.server.applications.ApplicationService;
import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Ids;
import ai.perstack.server.env.EnvService;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.registry.DraftService;
import ai.perstack.server.registry.RegistryService;
import ai.perstack.server.security.AccessService;
import ai.perstack.server.security.SecretCipher;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.IdempotencyRepository;
import ai.perstack.server.workspaces.StagedUploads;
import ai.perstack.server.workspaces.Workspaces;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: every route of the API listed in {@link #routes}, read top to bottom, and
 * the fallbacks that keep every failure a JSON error body (unknown routes, wrong methods,
 * framework errors).
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ai.perstack.server.requests");
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:@/+=-]{1,128}$");
    private static final String API = "/api/v1";

    /** The domain services the API exposes. */
    public record Services(Database db, AccessService access, ApplicationService applications, EnvService env,
                           RegistryService registry, DraftService drafts, SecretCipher cipher, Clock clock,
                           JobService jobs, Duration streamPing, Workspaces workspaces, StagedUploads uploads) {
    }

    private final JsonCodec json = new JsonCodec();
    private final ApiPipeline pipeline;
    private final Idempotency idempotency;
    private final ApplicationHandlers applications;
    private final EnvHandlers secrets;
    private final EnvHandlers variables;
    private final ExpertHandlers experts;
    private final JobHandlers jobs;
    private final WorkspaceHandlers workspace;
    private final long maxFileBytes;
    private final CheckpointFanout fanout;
    private final CheckpointStreamHandler checkpointStream;
    private final ConsoleHandler console = new ConsoleHandler();
    private final String version;
    private final byte[] openapi;
    private final Javalin app;

    /**
     * Builds and starts the server.
     *
     * @param rateLimit                 requests per second per API key, 0 = unlimited
     * @param maxStreamsPerOrganization checkpoint streams one organization may hold open at once
     */
    public HttpApi(Services services, String host, int port, int rateLimit, int maxStreamsPerOrganization,
                   String version) {
        this.version = version;
        this.idempotency = new Idempotency(services.db(), new IdempotencyRepository(), services.cipher(), services.clock());
        this.pipeline = new ApiPipeline(services.access(), new RateLimiter(rateLimit), idempotency, json);
        this.applications = new ApplicationHandlers(services.applications());
        this.secrets = new EnvHandlers(services.env(), EnvService.Kind.SECRET);
        this.variables = new EnvHandlers(services.env(), EnvService.Kind.VARIABLE);
        this.experts = new ExpertHandlers(services.registry(), services.drafts());
        this.jobs = new JobHandlers(services.jobs());
        this.workspace = new WorkspaceHandlers(services.jobs(), services.workspaces(), services.uploads());
        this.maxFileBytes = services.uploads().limits().maxFileBytes();
        // Another process's commits reach a stream through the shared PostgreSQL: read it every second.
        this.fanout = new CheckpointFanout(services.jobs(), services.streamPing().toMillis(),
                services.db().isPostgres() ? 1_000 : services.streamPing().toMillis());
        this.checkpointStream = new CheckpointStreamHandler(pipeline, services.jobs(), fanout,
                new StreamQuota(maxStreamsPerOrganization));
        this.openapi = loadOpenApi();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = ApiPipeline.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JsonErrorHandler(json)); // Jetty's own errors (bad requests, 431) as JSON too
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler(json)));
            config.requestLogger.http((ctx, ms) -> {
                if (LOG.isInfoEnabled()) {
                    LOG.info("{} {} {} {}ms Request-Id={}", ctx.method(), ctx.path(), ctx.status().getCode(),
                            Math.round(ms), ctx.res().getHeader("Request-Id"));
                }
            });
            routes(config.routes);
            fallbacks(config.routes);
        }).start(host, port);
    }

    /** Every route of the API. Jobs add theirs here. */
    private void routes(RoutesConfig r) {
        r.before(this::stampHeaders);
        r.get("/health", ctx -> pipeline.send(ctx, 200, Map.of("status", "ok")));
        r.get(API + "/openapi.yaml", ctx -> {
            if (openapi == null) {
                pipeline.send(ctx, 404, ErrorBody.of(404, "this build does not bundle openapi.yaml"));
            } else {
                ctx.contentType("application/yaml").result(openapi);
            }
        });

        r.get(API + "/applications", api(applications::list));
        r.post(API + "/applications", api(applications::create));
        r.get(API + "/applications/{id}", api(applications::get));
        r.post(API + "/applications/{id}", api(applications::update));
        r.delete(API + "/applications/{id}", api(applications::delete));

        r.get(API + "/env/secrets", api(secrets::list));
        r.post(API + "/env/secrets", api(secrets::create));
        r.get(API + "/env/secrets/{name}", api(secrets::get));
        r.post(API + "/env/secrets/{name}", api(secrets::update));
        r.delete(API + "/env/secrets/{name}", api(secrets::delete));

        r.get(API + "/env/variables", api(variables::list));
        r.post(API + "/env/variables", api(variables::create));
        r.get(API + "/env/variables/{name}", api(variables::get));
        r.post(API + "/env/variables/{name}", api(variables::update));
        r.delete(API + "/env/variables/{name}", api(variables::delete));

        r.get(API + "/experts", api(experts::list));
        r.get(API + "/experts/{org}/{name}", api(experts::get));
        r.get(API + "/experts/{org}/{name}/meta", api(experts::getMeta));
        r.post(API + "/experts/{org}/{name}/publish", api(experts::publish));
        r.post(API + "/experts/{org}/{name}/unpublish", api(experts::unpublish));
        r.post(API + "/experts/{org}/{name}/yank", api(experts::yank));
        r.get(API + "/experts/{org}/{name}/versions", api(experts::versions));
        r.get(API + "/experts/{org}/{name}/drafts", api(experts::listDrafts));
        r.post(API + "/experts/{org}/{name}/drafts", api(experts::createDraft));
        r.get(API + "/experts/{org}/{name}/drafts/{draftRef}", api(experts::getDraft));
        r.post(API + "/experts/{org}/{name}/drafts/{draftRef}", api(experts::updateDraft));
        r.delete(API + "/experts/{org}/{name}/drafts/{draftRef}", api(experts::deleteDraft));
        r.post(API + "/experts/{org}/{name}/drafts/{draftRef}/version", api(experts::assignVersion));

        r.get(API + "/jobs", api(jobs::list));
        r.post(API + "/jobs", api(jobs::start));
        r.get(API + "/jobs/{jobId}", api(jobs::get));
        r.post(API + "/jobs/{jobId}", api(jobs::update));
        r.post(API + "/jobs/{jobId}/continue", api(jobs::continueJob));
        r.post(API + "/jobs/{jobId}/cancel", api(jobs::cancel));
        r.get(API + "/jobs/{jobId}/checkpoints", api(jobs::listCheckpoints));
        r.get(API + "/jobs/{jobId}/checkpoints/stream", checkpointStream);
        r.get(API + "/jobs/{jobId}/checkpoints/{checkpointId}", api(jobs::getCheckpoint));
        // Local-platform extension: the job's workspace files.
        r.get(API + "/jobs/{jobId}/workspace/files", api(workspace::list));
        r.post(API + "/jobs/{jobId}/workspace/files", byContentType(api(workspace::upload), raw(workspace::uploadRaw)));
        r.get(API + "/jobs/{jobId}/workspace/file", api(workspace::download));
        r.post(API + "/workspace/uploads", raw(workspace::stage));
        r.get(API + "/workspace/uploads/{uploadId}", api(workspace::getUpload));
        r.delete(API + "/workspace/uploads/{uploadId}", api(workspace::deleteUpload));

        // The console: static files of a page that uses only the API above, with the key it is given.
        r.get("/", console::redirect);
        r.get("/console", console::serve); // also /console/: trailing slashes are not told apart by the router
        r.get(ConsoleHandler.PREFIX + "<path>", console::serve);
    }

    private io.javalin.http.Handler api(ApiHandler handler) {
        return pipeline.wrap(handler);
    }

    /** A route whose body is raw bytes, streamed to its handler up to the file limit. */
    private io.javalin.http.Handler raw(RawHandler handler) {
        return pipeline.wrapRaw(handler, maxFileBytes, workspace.fileLimitReason());
    }

    /** Raw bytes ({@code application/octet-stream}) to {@code raw}, everything else to {@code json}. */
    private static io.javalin.http.Handler byContentType(io.javalin.http.Handler json, io.javalin.http.Handler raw) {
        return ctx -> (ApiPipeline.isRaw(ctx) ? raw : json).handle(ctx);
    }

    /** Request-Id (the client's X-Request-Id when usable) and the server version on every response. */
    private void stampHeaders(Context ctx) {
        String clientId = ctx.header("X-Request-Id");
        String requestId = clientId != null && CLIENT_REQUEST_ID.matcher(clientId).matches() ? clientId : "req_" + Ids.newId();
        ctx.header("Request-Id", requestId);
        ctx.header("Perstack-Local-Version", version);
    }

    /** Unknown routes, wrong methods, framework and unexpected errors: always the JSON error body. */
    private void fallbacks(RoutesConfig r) {
        r.exception(ApiException.class, (e, ctx) -> pipeline.sendError(ctx, e));
        r.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus() == 413 ? 413 : e.getStatus();
            pipeline.send(ctx, status, ErrorBody.of(status, reasonFor(status, ctx)));
        });
        // Jetty's own failures while a handler reads the request.
        r.exception(org.eclipse.jetty.http.HttpException.RuntimeException.class, (e, ctx) -> {
            int status = e.getCode() >= 400 && e.getCode() < 600 ? e.getCode() : 400;
            pipeline.send(ctx, status, ErrorBody.of(status, reasonFor(status, ctx)));
        });
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure in {} {}", ctx.method(), ctx.path(), e);
            pipeline.send(ctx, 500, ErrorBody.of(500, "internal error; Request-Id " + ctx.res().getHeader("Request-Id")));
        });
        for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
            r.error(status, ctx -> {
                if (ctx.attribute(ApiPipeline.RENDERED) == null) {
                    pipeline.send(ctx, status, ErrorBody.of(status, reasonFor(status, ctx)));
                }
            });
        }
    }

    private static String reasonFor(int status, Context ctx) {
        return switch (status) {
            case 404 -> "no route for " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 408 -> ApiPipeline.TOO_SLOW;
            case 413 -> "request bodies are limited to 1 MiB";
            default -> ErrorBody.phrase(status);
        };
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** Forgets expired idempotency records. */
    public int expireIdempotencyRecords() {
        return idempotency.expire();
    }

    /** Ends the checkpoint streams, stops accepting requests, lets running ones finish, and stops. */
    @Override
    public void close() {
        fanout.close();
        app.stop();
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
