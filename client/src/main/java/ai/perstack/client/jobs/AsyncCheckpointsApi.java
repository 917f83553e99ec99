package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/** {@code client.async().jobs().checkpoints()}: checkpoint calls returning futures, and the stream. */
public final class AsyncCheckpointsApi {
    private final Transport transport;

    /** Used by the client; obtain through {@code client.async().jobs().checkpoints()}. */
    public AsyncCheckpointsApi(Transport transport) {
        this.transport = transport;
    }

    private static String base(String jobId) {
        return AsyncJobsApi.BASE + "/" + segment(jobId) + "/checkpoints";
    }

    /** {@code GET /jobs/{jobId}/checkpoints} with server defaults (sequence order). */
    public CompletableFuture<ApiResult<ListCheckpointsResponse>> list(String jobId) {
        return list(jobId, ListCheckpointsParams.none(), RequestOptions.none());
    }

    /** {@code GET /jobs/{jobId}/checkpoints}. */
    public CompletableFuture<ApiResult<ListCheckpointsResponse>> list(String jobId, ListCheckpointsParams params) {
        return list(jobId, params, RequestOptions.none());
    }

    /** {@code GET /jobs/{jobId}/checkpoints}. */
    public CompletableFuture<ApiResult<ListCheckpointsResponse>> list(String jobId, ListCheckpointsParams params,
                                                                       RequestOptions options) {
        ListCheckpointsParams p = params == null ? ListCheckpointsParams.none() : params;
        Check check = Check.start().id("jobId", jobId);
        p.check(check);
        return transport.send(check, () -> Call.get(base(jobId), p.query(), options, ListCheckpointsResponse::read));
    }

    /** {@code GET /jobs/{jobId}/checkpoints/{checkpointId}}. */
    public CompletableFuture<ApiResult<CheckpointResponse>> get(String jobId, String checkpointId) {
        return get(jobId, checkpointId, RequestOptions.none());
    }

    /** {@code GET /jobs/{jobId}/checkpoints/{checkpointId}}. */
    public CompletableFuture<ApiResult<CheckpointResponse>> get(String jobId, String checkpointId, RequestOptions options) {
        return transport.send(Check.start().id("jobId", jobId).id("checkpointId", checkpointId),
                () -> Call.get(base(jobId) + "/" + segment(checkpointId), null, options, CheckpointResponse::read));
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints/stream}: a lazily connected stream; see {@link CheckpointStream}.
     * Iterating it blocks the iterating thread; use {@link CheckpointStream#forEachAsync} to consume it on another.
     */
    public CheckpointStream stream(String jobId) {
        return stream(jobId, StreamRequestOptions.none());
    }

    /** {@code GET /jobs/{jobId}/checkpoints/stream} with options. */
    public CheckpointStream stream(String jobId, StreamRequestOptions options) {
        Check check = Check.start().id("jobId", jobId);
        return new CheckpointStream(transport, jobId, options == null ? StreamRequestOptions.none() : options, check);
    }
}
