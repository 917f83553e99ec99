package ai.perstack.client.experts;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/** {@code client.experts().drafts()}: create, read, update and delete drafts, and promote one to a version. Blocking. */
public final class DraftsApi {
    private final AsyncDraftsApi async;

    /**
     * Used by the client.
     *
     * @param async the asynchronous API that this one waits on
     */
    public DraftsApi(AsyncDraftsApi async) {
        this.async = async;
    }

    /**
     * {@code GET /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListDraftsResponse> list(String scopeName) {
        return async.list(scopeName).join();
    }

    /**
     * {@code GET /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param params paging, sorting and filters, validated before they are sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListDraftsResponse> list(String scopeName, ListDraftsParams params) {
        return async.list(scopeName, params).join();
    }

    /**
     * {@code GET /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param params paging, sorting and filters, validated before they are sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListDraftsResponse> list(String scopeName, ListDraftsParams params, RequestOptions options) {
        return async.list(scopeName, params, options).join();
    }

    /**
     * {@code GET /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> get(String scopeName, String draftRef) {
        return async.get(scopeName, draftRef).join();
    }

    /**
     * {@code GET /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> get(String scopeName, String draftRef, RequestOptions options) {
        return async.get(scopeName, draftRef, options).join();
    }

    /**
     * {@code POST /experts/{scope}/drafts}: creates the scope (private) on first use.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> create(String scopeName, CreateDraftInput input) {
        return async.create(scopeName, input).join();
    }

    /**
     * {@code POST /experts/{scope}/drafts}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> create(String scopeName, CreateDraftInput input, RequestOptions options) {
        return async.create(scopeName, input, options).join();
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}}: replaces the draft's experts.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> update(String scopeName, String draftRef, UpdateDraftInput input) {
        return async.update(scopeName, draftRef, input).join();
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> update(String scopeName, String draftRef, UpdateDraftInput input, RequestOptions options) {
        return async.update(scopeName, draftRef, input, options).join();
    }

    /**
     * {@code DELETE /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> delete(String scopeName, String draftRef) {
        return async.delete(scopeName, draftRef).join();
    }

    /**
     * {@code DELETE /experts/{scope}/drafts/{draftRef}}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<DraftResponse> delete(String scopeName, String draftRef, RequestOptions options) {
        return async.delete(scopeName, draftRef, options).join();
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}/version}: promotes the draft to an immutable version.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertVersionResponse> assignVersion(String scopeName, String draftRef, AssignVersionInput input) {
        return async.assignVersion(scopeName, draftRef, input).join();
    }

    /**
     * {@code POST /experts/{scope}/drafts/{draftRef}/version}.
     *
     * @param scopeName the expert scope name, e.g. {@code @org/expert}
     * @param draftRef the draft id
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ExpertVersionResponse> assignVersion(String scopeName, String draftRef, AssignVersionInput input, RequestOptions options) {
        return async.assignVersion(scopeName, draftRef, input, options).join();
    }

    /**
     * Every one of the drafts of a scope, fetched page after page as they are consumed (blocking on each
     * page; a failed page throws its {@link ai.perstack.client.PerstackException}).
     *
     * @param scopeName the expert scope name
     * @param params filters, sort, first offset and page size
     * @param options per-call options for each page's call
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertDraft> listAll(String scopeName, ListDraftsParams params, RequestOptions options) {
        return async.listAll(scopeName, params, options);
    }

    /**
     * Every one of the drafts of a scope, page after page, with the server's page size.
     *
     * @param scopeName the expert scope name
     * @return a lazy pager; nothing is fetched until it is iterated
     */
    public ai.perstack.client.AutoPager<ExpertDraft> listAll(String scopeName) {
        return async.listAll(scopeName);
    }
}
