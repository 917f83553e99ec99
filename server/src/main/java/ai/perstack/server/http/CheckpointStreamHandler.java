package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.jobs.JobService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /jobs/{jobId}/checkpoints/stream}: server-sent events written byte for byte.
 * Checks the request on the request thread, then hands the stream to the {@link CheckpointFanout}
 * and returns the thread: the stream replays the stored checkpoints after {@code Last-Event-ID},
 * then follows the job live until {@code done}. Errors before the stream starts are ordinary
 * JSON errors; an organization holding its most open streams gets a 429.
 */
final class CheckpointStreamHandler implements Handler {
    private static final Pattern LAST_EVENT_ID = Pattern.compile("^[0-9]{1,18}$");

    private final ApiPipeline pipeline;
    private final JobService jobs;
    private final CheckpointFanout fanout;
    private final StreamQuota quota;

    CheckpointStreamHandler(ApiPipeline pipeline, JobService jobs, CheckpointFanout fanout, StreamQuota quota) {
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.fanout = fanout;
        this.quota = quota;
    }

    @Override
    public void handle(Context ctx) {
        String jobId = ctx.pathParam("jobId");
        int after;
        String organizationId;
        try {
            Organization org = pipeline.authenticate(ctx);
            new QueryParams(ctx.queryParamMap(), Set.of()).validate();
            String last = ctx.header("Last-Event-ID");
            if (last != null && !LAST_EVENT_ID.matcher(last.strip()).matches()) {
                throw ApiException.invalid("Last-Event-ID", "must be the sequence (digits) of the last checkpoint received");
            }
            after = last == null ? 0 : (int) Math.min(Long.parseLong(last.strip()), Integer.MAX_VALUE);
            jobs.requireVisible(org, jobId);
            organizationId = org.id();
            if (!quota.tryAcquire(organizationId)) {
                ctx.header("Retry-After", "1");
                throw ApiException.of(ApiException.Kind.RATE_LIMITED, "this organization already holds "
                        + quota.max() + " open checkpoint streams, the most it may; close one first");
            }
        } catch (ApiException e) {
            pipeline.send(ctx, e.kind().status(), ErrorBody.of(e));
            return;
        }
        ctx.attribute(ApiPipeline.RENDERED, Boolean.TRUE);
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setHeader("Content-Type", "text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        int from = after;
        ctx.future(() -> {
            try {
                return fanout.open(ctx.req(), res, jobId, from).whenComplete((done, failure) -> quota.release(organizationId));
            } catch (RuntimeException e) {
                quota.release(organizationId);
                throw e;
            }
        });
    }
}
