package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/** {@code client.async().jobs()}: the job calls, returning futures that always complete normally. */
public final class AsyncJobsApi {
    static final String BASE = "/api/v1/jobs";
    private final Transport transport;
    private final AsyncCheckpointsApi checkpoints;
    private final AsyncWorkspaceApi workspace;

    /**
     * Used by the client; obtain through {@code client.async().jobs()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncJobsApi(Transport transport) {
        this.transport = transport;
        this.checkpoints = new AsyncCheckpointsApi(transport);
        this.workspace = new AsyncWorkspaceApi(transport);
    }

    /** {@return a job's workspace files (local-platform extension)} */
    public AsyncWorkspaceApi workspace() {
        return workspace;
    }

    /** {@return the checkpoints of jobs} */
    public AsyncCheckpointsApi checkpoints() {
        return checkpoints;
    }

    /**
     * {@code GET /jobs} with server defaults.
     *
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListJobsResponse>> list() {
        return list(ListJobsParams.none(), RequestOptions.none());
    }

    /**
     * {@code GET /jobs}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListJobsResponse>> list(ListJobsParams params) {
        return list(params, RequestOptions.none());
    }

    /**
     * {@code GET /jobs}.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListJobsResponse>> list(ListJobsParams params, RequestOptions options) {
        ListJobsParams p = params == null ? ListJobsParams.none() : params;
        Check check = Check.start();
        p.check(check);
        return transport.send(check, () -> Call.get(BASE, p.query(), options, ListJobsResponse::read));
    }

    /**
     * {@code GET /jobs/{id}}.
     *
     * @param id the job id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> get(String id) {
        return get(id, RequestOptions.none());
    }

    /**
     * {@code GET /jobs/{id}}.
     *
     * @param id the job id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> get(String id, RequestOptions options) {
        return transport.send(Check.start().id("id", id), () -> Call.get(BASE + "/" + segment(id), null, options, JobResponse::read));
    }

    /**
     * {@code POST /jobs}.
     *
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> start(StartJobInput input) {
        return start(input, RequestOptions.none());
    }

    /**
     * {@code POST /jobs}.
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> start(StartJobInput input, RequestOptions options) {
        Check check = Check.start().required("input", input);
        if (input != null) {
            check.id("applicationId", input.applicationId()).key("expertKey", input.expertKey())
                    .length("provider", input.provider().value(), 1, 64)
                    .nonBlankItems("files", input.files())
                    .range("maxSteps", input.maxSteps().orElse(null), 1, 10000)
                    .range("maxRetries", input.maxRetries().orElse(null), 0, 100);
            if (input.query().map(String::isBlank).orElse(true) && input.files().isEmpty()) {
                check.problem("query", "or files is required");
            }
        }
        return transport.send(check, () -> Call.post(BASE, input.toJson(), options, JobResponse::read));
    }

    /**
     * {@code POST /jobs/{id}}: pause or resume.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> update(String id, UpdateJobInput input) {
        return update(id, input, RequestOptions.none());
    }

    /**
     * {@code POST /jobs/{id}}: pause or resume.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> update(String id, UpdateJobInput input, RequestOptions options) {
        Check check = Check.start().id("id", id).required("input", input);
        return transport.send(check, () -> Call.post(BASE + "/" + segment(id), input.toJson(), options, JobResponse::read));
    }

    /**
     * {@code POST /jobs/{id}/continue} — {@code jobs.continue} in TypeScript.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> continueJob(String id, ContinueJobInput input) {
        return continueJob(id, input, RequestOptions.none());
    }

    /**
     * {@code POST /jobs/{id}/continue} — {@code jobs.continue} in TypeScript.
     *
     * @param id the job id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> continueJob(String id, ContinueJobInput input, RequestOptions options) {
        ContinueJobInput in = input == null ? ContinueJobInput.builder().build() : input;
        Check check = Check.start().id("id", id).nonBlankItems("files", in.files())
                .range("maxSteps", in.maxSteps().orElse(null), 1, 10000);
        if (in.interactiveToolCallResult().orElse(false) && in.query().isEmpty()) {
            check.problem("query", "is required when interactiveToolCallResult is true");
        }
        return transport.send(check,
                () -> Call.post(BASE + "/" + segment(id) + "/continue", in.toJson(), options, JobResponse::read));
    }

    /**
     * {@code POST /jobs/{id}/cancel}.
     *
     * @param id the job id
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> cancel(String id) {
        return cancel(id, RequestOptions.none());
    }

    /**
     * {@code POST /jobs/{id}/cancel}.
     *
     * @param id the job id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<JobResponse>> cancel(String id, RequestOptions options) {
        return transport.send(Check.start().id("id", id),
                () -> Call.post(BASE + "/" + segment(id) + "/cancel", null, options, JobResponse::read));
    }

    /**
     * Every one of the jobs, fetched page after page as they are consumed; the filters and
     * sort of {@code params} apply to every page, its offset is where the first page starts and
     * its page size is that of every page.
     *
     * @param params filters, sort, first offset and page size, validated with each page's call
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Job> listAll(ListJobsParams params, RequestOptions options) {
        ListJobsParams p = params == null ? ListJobsParams.none() : params;
        return ai.perstack.client.AutoPager.of(p.skip(), p.take(), (offset, size) -> {
            ListJobsParams q = new ListJobsParams(size, offset, p.sort(), p.order(), p.filter());
            return list(q, options).thenApply(result -> result.map(r -> new ai.perstack.client.AutoPager.Page<>(r.data().jobs(), r.meta())));
        });
    }

    /**
     * Every one of the jobs, page after page, with the server's page size.
     *
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Job> listAll() {
        return listAll(ListJobsParams.none(), RequestOptions.none());
    }

    /**
     * A job session: start a job (or attach to one), stream it, answer its interactive tools and
     * get the final job, in one call.
     *
     * @return a builder of the session's handlers
     */
    public JobSession.Builder session() {
        return JobSession.builder(this);
    }
}
