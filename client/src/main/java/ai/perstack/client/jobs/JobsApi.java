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

    /** Used by the client; obtain through {@code client.jobs()}. */
    public JobsApi(AsyncJobsApi async) {
        this.async = async;
        this.checkpoints = new CheckpointsApi(async.checkpoints());
    }

    /** The checkpoints of jobs: list, get and the live stream. */
    public CheckpointsApi checkpoints() {
        return checkpoints;
    }

    /** Lists jobs with server defaults. */
    public ApiResult<ListJobsResponse> list() {
        return async.list().join();
    }

    /** Lists jobs. */
    public ApiResult<ListJobsResponse> list(ListJobsParams params) {
        return async.list(params).join();
    }

    /** Lists jobs. */
    public ApiResult<ListJobsResponse> list(ListJobsParams params, RequestOptions options) {
        return async.list(params, options).join();
    }

    /** Gets a job. */
    public ApiResult<JobResponse> get(String id) {
        return async.get(id).join();
    }

    /** Gets a job. */
    public ApiResult<JobResponse> get(String id, RequestOptions options) {
        return async.get(id, options).join();
    }

    /** Starts a job (201, status {@code queued}). */
    public ApiResult<JobResponse> start(StartJobInput input) {
        return async.start(input).join();
    }

    /** Starts a job (201, status {@code queued}). */
    public ApiResult<JobResponse> start(StartJobInput input, RequestOptions options) {
        return async.start(input, options).join();
    }

    /** Pauses ({@code paused}) or resumes ({@code running}) a job. */
    public ApiResult<JobResponse> update(String id, UpdateJobInput input) {
        return async.update(id, input).join();
    }

    /** Pauses ({@code paused}) or resumes ({@code running}) a job. */
    public ApiResult<JobResponse> update(String id, UpdateJobInput input, RequestOptions options) {
        return async.update(id, input, options).join();
    }

    /** Continues a stopped, completed or paused job — {@code jobs.continue} in TypeScript. */
    public ApiResult<JobResponse> continueJob(String id, ContinueJobInput input) {
        return async.continueJob(id, input).join();
    }

    /** Continues a stopped, completed or paused job — {@code jobs.continue} in TypeScript. */
    public ApiResult<JobResponse> continueJob(String id, ContinueJobInput input, RequestOptions options) {
        return async.continueJob(id, input, options).join();
    }

    /** Cancels a queued, running or paused job. */
    public ApiResult<JobResponse> cancel(String id) {
        return async.cancel(id).join();
    }

    /** Cancels a queued, running or paused job. */
    public ApiResult<JobResponse> cancel(String id, RequestOptions options) {
        return async.cancel(id, options).join();
    }
}
