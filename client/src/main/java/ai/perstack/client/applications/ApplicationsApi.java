package ai.perstack.client.applications;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/**
 * {@code client.applications()}: list, get, create, update and delete applications. Each call
 * blocks until it completes and never throws for API or network failures.
 */
public final class ApplicationsApi {
    private final AsyncApplicationsApi async;

    /**
     * Used by the client; obtain through {@code client.applications()}.
     *
     * @param async the asynchronous API that this one waits on
     */
    public ApplicationsApi(AsyncApplicationsApi async) {
        this.async = async;
    }

    /**
     * Lists applications with server defaults.
     *
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListApplicationsResponse> list() {
        return async.list().join();
    }

    /**
     * Lists applications.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListApplicationsResponse> list(ListApplicationsParams params) {
        return async.list(params).join();
    }

    /**
     * Lists applications.
     *
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListApplicationsResponse> list(ListApplicationsParams params, RequestOptions options) {
        return async.list(params, options).join();
    }

    /**
     * Gets one application.
     *
     * @param id the application id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> get(String id) {
        return async.get(id).join();
    }

    /**
     * Gets one application.
     *
     * @param id the application id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> get(String id, RequestOptions options) {
        return async.get(id, options).join();
    }

    /**
     * Creates an application (status {@code active}).
     *
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> create(CreateApplicationInput input) {
        return async.create(input).join();
    }

    /**
     * Creates an application (status {@code active}).
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> create(CreateApplicationInput input, RequestOptions options) {
        return async.create(input, options).join();
    }

    /**
     * Updates an application's name or status.
     *
     * @param id the application id
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> update(String id, UpdateApplicationInput input) {
        return async.update(id, input).join();
    }

    /**
     * Updates an application's name or status.
     *
     * @param id the application id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> update(String id, UpdateApplicationInput input, RequestOptions options) {
        return async.update(id, input, options).join();
    }

    /**
     * Deletes an application (409 while it has queued, running or paused jobs).
     *
     * @param id the application id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> delete(String id) {
        return async.delete(id).join();
    }

    /**
     * Deletes an application (409 while it has queued, running or paused jobs).
     *
     * @param id the application id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ApplicationResponse> delete(String id, RequestOptions options) {
        return async.delete(id, options).join();
    }

    /**
     * Every one of the applications, fetched page after page as they are consumed (blocking on each
     * page; a failed page throws its {@link ai.perstack.client.PerstackException}).
     *
     * @param params filters, sort, first offset and page size
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Application> listAll(ListApplicationsParams params, RequestOptions options) {
        return async.listAll(params, options);
    }

    /**
     * Every one of the applications, page after page, with the server's page size.
     *
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<Application> listAll() {
        return async.listAll();
    }
}
