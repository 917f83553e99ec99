package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.jobs.CheckpointNotifier;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.store.CheckpointRepository.StoredCheckpoint;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /jobs/{jobId}/checkpoints/stream}: server-sent events written byte for byte.
 * Replays the stored checkpoints after {@code Last-Event-ID}, then tails: it sleeps on the
 * job's notifier and wakes after each commit (and, for other processes' commits on a shared
 * PostgreSQL, at the poll interval). Errors before the stream starts are ordinary JSON errors.
 */
final class CheckpointStreamHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStreamHandler.class);
    private static final Pattern LAST_EVENT_ID = Pattern.compile("^[0-9]{1,18}$");
    private static final int BATCH = 256;
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final ApiPipeline pipeline;
    private final JobService jobs;
    private final JsonCodec json;
    private final long pingMillis;
    private final long pollMillis;

    /**
     * @param pingMillis the longest silence before a {@code : ping} comment
     * @param pollMillis how often the store is read without a signal (other processes' commits)
     */
    CheckpointStreamHandler(ApiPipeline pipeline, JobService jobs, JsonCodec json, long pingMillis, long pollMillis) {
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.json = json;
        this.pingMillis = pingMillis;
        this.pollMillis = pollMillis;
    }

    @Override
    public void handle(Context ctx) {
        String jobId = ctx.pathParam("jobId");
        int after;
        try {
            Organization org = pipeline.authenticate(ctx);
            new QueryParams(ctx.queryParamMap(), Set.of()).validate();
            String last = ctx.header("Last-Event-ID");
            if (last != null && !LAST_EVENT_ID.matcher(last.strip()).matches()) {
                throw ApiException.invalid("Last-Event-ID", "must be the sequence (digits) of the last checkpoint received");
            }
            after = last == null ? 0 : (int) Math.min(Long.parseLong(last.strip()), Integer.MAX_VALUE);
            jobs.requireVisible(org, jobId);
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
        try (CheckpointNotifier.Subscription subscription = jobs.signals().notifier().subscribe(jobId)) {
            OutputStream out = res.getOutputStream();
            out.flush();
            stream(out, subscription, jobId, after);
        } catch (IOException e) {
            LOG.debug("stream of job {} ended: {}", jobId, e.toString());
        }
    }

    private void stream(OutputStream out, CheckpointNotifier.Subscription subscription, String jobId, int after)
            throws IOException {
        long lastWrite = System.nanoTime();
        try {
            while (true) {
                JobService.Progress progress = jobs.progress(jobId);
                if (progress.lastSequence() > after) {
                    List<StoredCheckpoint> batch = jobs.range(jobId, after, progress.lastSequence(), BATCH);
                    for (StoredCheckpoint cp : batch) {
                        out.write(("event: checkpoint\nid: " + cp.sequence() + "\ndata: " + cp.json() + "\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        after = cp.sequence();
                    }
                    out.flush();
                    lastWrite = System.nanoTime();
                    continue;
                }
                if (progress.finished()) {
                    event(out, "done", JobHandlers.done(progress.status()));
                    return;
                }
                long idle = (System.nanoTime() - lastWrite) / 1_000_000L;
                if (idle >= pingMillis) {
                    out.write(PING);
                    out.flush();
                    lastWrite = System.nanoTime();
                    continue;
                }
                subscription.await(Math.min(pingMillis - idle, pollMillis));
            }
        } catch (InterruptedException e) {
            // The platform is closing: end the stream; the client resumes with Last-Event-ID.
        } catch (RuntimeException e) {
            LOG.error("stream of job {} failed", jobId, e);
            event(out, "error", java.util.Map.of("message", "the checkpoint stream failed; reconnect with Last-Event-ID"));
        }
    }

    private void event(OutputStream out, String name, Object data) throws IOException {
        out.write(("event: " + name + "\ndata: " + json.write(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
