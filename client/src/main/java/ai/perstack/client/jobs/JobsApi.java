package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/**
 * {@code client.jobs()}: start, watch, pause, resume, continue and cancel expert jobs. Blocking;
 * never throws for API failures.
 */
public final class JobsApi {
    private final AsyncJobsApi async;
    private final CheckpointsApi checkpoints;
    private final WorkspaceApi workspace;

    /**
     * Used by the client; obtain through {@code client.jobs()}.
     *
     * @param async the asynchronous API that this one waits on
     */
    public JobsApi(AsyncJobsApi async) {
        this.async = async;
        this.checkpoints = new CheckpointsApi(async.checkpoints());
        this.workspace = new WorkspaceApi(async.workspace());
    }

    /** {@return a job's workspace files: list, upload, download (local-platform extension)} */
    public WorkspaceApi workspace() {
        return workspace;
    }

    /** {@return the checkpoints of jobs: list, get and the live stream} */
    public CheckpointsApi checkpoints() {
        return checkpoints;
    }

    /**
     * Lists jobs with server defaults.
     *
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListJobsResponse> list() {
        return async.list().join();
    }

    /**
     * Lists jobs.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListJobsResponse> list(ListJobsParams params) {
        return async.list(params).join();
    }

    /**
     * Lists jobs.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListJobsResponse> list(ListJobsParams params, RequestOptions options) {
        return async.list(params, options).join();
    }

    /**
     * Gets a job.
     *
     * @param id the job id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> get(String id) {
        return async.get(id).join();
    }

    /**
     * Gets a job.
     *
     * @param id the job id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> get(String id, RequestOptions options) {
        return async.get(id, options).join();
    }

    /**
     * Starts a job (201, status {@code queued}).
     *
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> start(StartJobInput input) {
        return async.start(input).join();
    }

    /**
     * Starts a job (201, status {@code queued}).
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> start(StartJobInput input, RequestOptions options) {
        return async.start(input, options).join();
    }

    /**
     * Pauses ({@code paused}) or resumes ({@code running}) a job.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> update(String id, UpdateJobInput input) {
        return async.update(id, input).join();
    }

    /**
     * Pauses ({@code paused}) or resumes ({@code running}) a job.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> update(String id, UpdateJobInput input, RequestOptions options) {
        return async.update(id, input, options).join();
    }

    /**
     * Continues a stopped, completed or paused job — {@code jobs.continue} in TypeScript.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> continueJob(String id, ContinueJobInput input) {
        return async.continueJob(id, input).join();
    }

    /**
     * Continues a stopped, completed or paused job — {@code jobs.continue} in TypeScript.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> continueJob(String id, ContinueJobInput input, RequestOptions options) {
        return async.continueJob(id, input, options).join();
    }

    /**
     * Cancels a queued, running or paused job.
     *
     * @param id the job id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> cancel(String id) {
        return async.cancel(id).join();
    }

    /**
     * Cancels a queued, running or paused job.
     *
     * @param id the job id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<JobResponse> cancel(String id, RequestOptions options) {
        return async.cancel(id, options).join();
    }

    /**
     * Every one of the jobs, fetched page after page as they are consumed (blocking on each
     * page; a failed page throws its {@link ai.perstack.client.PerstackException}).
     *
     * @param params filters, sort, first offset and page size
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Job> listAll(ListJobsParams params, RequestOptions options) {
        return async.listAll(params, options);
    }

    /**
     * Every one of the jobs, page after page, with the server's page size.
     *
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Job> listAll() {
        return async.listAll();
    }

    /**
     * A job session: start a job (or attach to one), stream it, answer its interactive tools and
     * get the final job, in one call.
     *
     * @return a builder of the session's handlers
     */
    public JobSession.Builder session() {
        return JobSession.builder(async);
    }
}
