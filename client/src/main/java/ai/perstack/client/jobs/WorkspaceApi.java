package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/**
 * {@code client.jobs().workspace()}: a job's workspace files, blocking. A local-platform
 * extension (tag {@code local-workspace}), not part of the Perstack platform API. Never throws
 * for API failures.
 */
public final class WorkspaceApi {
    private final AsyncWorkspaceApi async;

    WorkspaceApi(AsyncWorkspaceApi async) {
        this.async = async;
    }

    /**
     * @param jobId the job id
     * @return {@code Ok} with the files of the job's workspace, or {@code Err}
     */
    public ApiResult<WorkspaceFilesResponse> list(String jobId) {
        return async.list(jobId).join();
    }

    /**
     * @param jobId the job id
     * @param options per-call options
     * @return {@code Ok} with the files, or {@code Err}
     */
    public ApiResult<WorkspaceFilesResponse> list(String jobId, RequestOptions options) {
        return async.list(jobId, options).join();
    }

    /**
     * Puts a file into the job's workspace.
     *
     * @param jobId   the job id
     * @param path    relative, {@code /}-separated, not under {@code perstack/}
     * @param content at most {@link AsyncWorkspaceApi#MAX_UPLOAD_BYTES} bytes
     * @return {@code Ok} with the stored file, or {@code Err} with the failure
     */
    public ApiResult<WorkspaceFileResponse> upload(String jobId, String path, byte[] content) {
        return async.upload(jobId, path, content).join();
    }

    /**
     * Like {@link #upload(String, String, byte[])}.
     *
     * @param jobId the job id
     * @param path the name
     * @param content the bytes
     * @param options per-call options
     * @return the stored file
     */
    public ApiResult<WorkspaceFileResponse> upload(String jobId, String path, byte[] content, RequestOptions options) {
        return async.upload(jobId, path, content, options).join();
    }

    /**
     * @param jobId the job id
     * @param path the file's path
     * @return {@code Ok} with its bytes, or {@code Err}
     */
    public ApiResult<byte[]> download(String jobId, String path) {
        return async.download(jobId, path).join();
    }

    /**
     * @param jobId the job id
     * @param path the file's path
     * @param options per-call options
     * @return {@code Ok} with its bytes, or {@code Err}
     */
    public ApiResult<byte[]> download(String jobId, String path, RequestOptions options) {
        return async.download(jobId, path, options).join();
    }
}
