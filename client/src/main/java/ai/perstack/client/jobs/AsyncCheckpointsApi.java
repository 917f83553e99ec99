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

    /**
     * Used by the client; obtain through {@code client.async().jobs().checkpoints()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncCheckpointsApi(Transport transport) {
        this.transport = transport;
    }

    private static String base(String jobId) {
        return AsyncJobsApi.BASE + "/" + segment(jobId) + "/checkpoints";
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints} with server defaults (sequence order).
     *
     * @param jobId the job id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListCheckpointsResponse>> list(String jobId) {
        return list(jobId, ListCheckpointsParams.none(), RequestOptions.none());
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints}.
     *
     * @param jobId the job id
     * @param params paging, sorting and filters, validated before they are sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListCheckpointsResponse>> list(String jobId, ListCheckpointsParams params) {
        return list(jobId, params, RequestOptions.none());
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints}.
     *
     * @param jobId the job id
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListCheckpointsResponse>> list(String jobId, ListCheckpointsParams params,
                                                                       RequestOptions options) {
        ListCheckpointsParams p = params == null ? ListCheckpointsParams.none() : params;
        Check check = Check.start().id("jobId", jobId);
        p.check(check);
        return transport.send(check, () -> Call.get(base(jobId), p.query(), options, ListCheckpointsResponse::read));
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints/{checkpointId}}.
     *
     * @param jobId the job id
     * @param checkpointId the checkpoint id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<CheckpointResponse>> get(String jobId, String checkpointId) {
        return get(jobId, checkpointId, RequestOptions.none());
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints/{checkpointId}}.
     *
     * @param jobId the job id
     * @param checkpointId the checkpoint id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<CheckpointResponse>> get(String jobId, String checkpointId, RequestOptions options) {
        return transport.send(Check.start().id("jobId", jobId).id("checkpointId", checkpointId),
                () -> Call.get(base(jobId) + "/" + segment(checkpointId), null, options, CheckpointResponse::read));
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints/stream}: a lazily connected stream; see {@link CheckpointStream}.
     * Iterating it blocks the iterating thread; use {@link CheckpointStream#forEachAsync} to consume it on another.
     *
     * @param jobId the job id
     * @return the stream; it connects on first iteration and must be closed
     */
    public CheckpointStream stream(String jobId) {
        return stream(jobId, StreamRequestOptions.none());
    }

    /**
     * {@code GET /jobs/{jobId}/checkpoints/stream} with options.
     *
     * @param jobId the job id
     * @param options stream options: abort signal, timeout, idle timeout, extra headers
     * @return the stream; it connects on first iteration and must be closed
     */
    public CheckpointStream stream(String jobId, StreamRequestOptions options) {
        Check check = Check.start().id("jobId", jobId);
        return new CheckpointStream(transport, jobId, options == null ? StreamRequestOptions.none() : options, check);
    }

    /**
     * Every one of the checkpoints of a job, fetched page after page as they are consumed; the filters and
     * sort of {@code params} apply to every page, its offset is where the first page starts and
     * its page size is that of every page.
     *
     * @param jobId the job id
     * @param params filters, sort, first offset and page size, validated with each page's call
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Checkpoint> listAll(String jobId, ListCheckpointsParams params, RequestOptions options) {
        ListCheckpointsParams p = params == null ? ListCheckpointsParams.none() : params;
        return ai.perstack.client.AutoPager.of(p.skip(), p.take(), (offset, size) -> {
            ListCheckpointsParams q = new ListCheckpointsParams(size, offset, p.sort(), p.order());
            return list(jobId, q, options).thenApply(result -> result.map(r -> new ai.perstack.client.AutoPager.Page<>(r.data().checkpoints(), r.meta())));
        });
    }

    /**
     * Every one of the checkpoints of a job, page after page, with the server's page size.
     *
     * @param jobId the job id
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Checkpoint> listAll(String jobId) {
        return listAll(jobId, ListCheckpointsParams.none(), RequestOptions.none());
    }
}
