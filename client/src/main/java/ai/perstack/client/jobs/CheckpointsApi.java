package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.StreamRequestOptions;

/** {@code client.jobs().checkpoints()}: list and get a job's checkpoints, or stream them live. */
public final class CheckpointsApi {
    private final AsyncCheckpointsApi async;

    /**
     * Used by the client; obtain through {@code client.jobs().checkpoints()}.
     *
     * @param async the asynchronous API that this one waits on
     */
    public CheckpointsApi(AsyncCheckpointsApi async) {
        this.async = async;
    }

    /**
     * Lists a job's checkpoints in sequence order.
     *
     * @param jobId the job id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListCheckpointsResponse> list(String jobId) {
        return async.list(jobId).join();
    }

    /**
     * Lists a job's checkpoints.
     *
     * @param jobId the job id
     * @param params paging, sorting and filters, validated before they are sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListCheckpointsResponse> list(String jobId, ListCheckpointsParams params) {
        return async.list(jobId, params).join();
    }

    /**
     * Lists a job's checkpoints.
     *
     * @param jobId the job id
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListCheckpointsResponse> list(String jobId, ListCheckpointsParams params, RequestOptions options) {
        return async.list(jobId, params, options).join();
    }

    /**
     * Gets one checkpoint.
     *
     * @param jobId the job id
     * @param checkpointId the checkpoint id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<CheckpointResponse> get(String jobId, String checkpointId) {
        return async.get(jobId, checkpointId).join();
    }

    /**
     * Gets one checkpoint.
     *
     * @param jobId the job id
     * @param checkpointId the checkpoint id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<CheckpointResponse> get(String jobId, String checkpointId, RequestOptions options) {
        return async.get(jobId, checkpointId, options).join();
    }

    /**
     * Streams a job's checkpoints: every stored one, then new ones live, until the job stops.
     *
     * <pre>{@code
     * try (CheckpointStream stream = client.jobs().checkpoints().stream(jobId)) {
     *     for (ApiResult<Checkpoint> r : stream) {
     *         if (!r.ok()) { System.err.println(r.error().message()); break; }
     *         System.out.println(r.data().activity().type());
     *     }
     *     System.out.println("job ended " + stream.doneStatus().orElse(null));
     * }
     * }</pre>
     *
     * @param jobId the job id
     * @return the stream; it connects on first iteration and must be closed
     */
    public CheckpointStream stream(String jobId) {
        return async.stream(jobId);
    }

    /**
     * Streams a job's checkpoints with options (signal, idle timeout).
     *
     * @param jobId the job id
     * @param options stream options: abort signal, timeout, idle timeout, extra headers
     * @return the stream; it connects on first iteration and must be closed
     */
    public CheckpointStream stream(String jobId, StreamRequestOptions options) {
        return async.stream(jobId, options);
    }

    /**
     * Every one of the checkpoints of a job, fetched page after page as they are consumed (blocking on each
     * page; a failed page throws its {@link ai.perstack.client.PerstackException}).
     *
     * @param jobId the job id
     * @param params filters, sort, first offset and page size
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Checkpoint> listAll(String jobId, ListCheckpointsParams params, RequestOptions options) {
        return async.listAll(jobId, params, options);
    }

    /**
     * Every one of the checkpoints of a job, page after page, with the server's page size.
     *
     * @param jobId the job id
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Checkpoint> listAll(String jobId) {
        return async.listAll(jobId);
    }
}
