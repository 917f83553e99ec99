package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import java.io.InputStream;
import java.nio.file.Path;

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

    /**
     * Streams the file into {@code target} (see {@link AsyncWorkspaceApi#download(String, String, Path, RequestOptions)}).
     *
     * @param jobId the job id
     * @param path the file's path
     * @param target the local file to write
     * @return {@code Ok} with {@code target}, or {@code Err}
     */
    public ApiResult<Path> download(String jobId, String path, Path target) {
        return async.download(jobId, path, target, RequestOptions.none()).join();
    }

    /**
     * @param jobId the job id
     * @param path the file's path
     * @param target the local file to write
     * @param options per-call options
     * @return {@code Ok} with {@code target}, or {@code Err}
     */
    public ApiResult<Path> download(String jobId, String path, Path target, RequestOptions options) {
        return async.download(jobId, path, target, options).join();
    }

    /**
     * Puts a local file into the job's workspace as a raw body, beyond the JSON cap.
     *
     * @param jobId the job id
     * @param path where to put it
     * @param file the local file
     * @return {@code Ok} with the stored file, or {@code Err}
     */
    public ApiResult<WorkspaceFileResponse> upload(String jobId, String path, Path file) {
        return async.upload(jobId, path, file, RequestOptions.none()).join();
    }

    /**
     * @param jobId the job id
     * @param path where to put it
     * @param file the local file
     * @param options per-call options
     * @return {@code Ok} with the stored file, or {@code Err}
     */
    public ApiResult<WorkspaceFileResponse> upload(String jobId, String path, Path file, RequestOptions options) {
        return async.upload(jobId, path, file, options).join();
    }

    /**
     * Puts a stream's bytes into the job's workspace (read once, not retried).
     *
     * @param jobId the job id
     * @param path where to put it
     * @param content the bytes; read to its end, not closed
     * @param options per-call options
     * @return {@code Ok} with the stored file, or {@code Err}
     */
    public ApiResult<WorkspaceFileResponse> upload(String jobId, String path, InputStream content, RequestOptions options) {
        return async.upload(jobId, path, content, options).join();
    }

    /**
     * Stages a local file for a job not started yet: name its id in {@link UploadRef} on start or continue.
     *
     * @param file the local file
     * @return {@code Ok} with the staged upload, or {@code Err}
     */
    public ApiResult<StagedUpload> stage(Path file) {
        return async.stage(file, RequestOptions.none()).join();
    }

    /**
     * @param file the local file
     * @param options per-call options
     * @return {@code Ok} with the staged upload, or {@code Err}
     */
    public ApiResult<StagedUpload> stage(Path file, RequestOptions options) {
        return async.stage(file, options).join();
    }

    /**
     * @param content the bytes
     * @return {@code Ok} with the staged upload, or {@code Err}
     */
    public ApiResult<StagedUpload> stage(byte[] content) {
        return async.stage(content, RequestOptions.none()).join();
    }

    /**
     * @param content the bytes; read to its end, not closed (not retried)
     * @param options per-call options
     * @return {@code Ok} with the staged upload, or {@code Err}
     */
    public ApiResult<StagedUpload> stage(InputStream content, RequestOptions options) {
        return async.stage(content, options).join();
    }

    /**
     * @param uploadId the upload's id
     * @return {@code Ok} with the staged upload, or {@code Err} (404 once handed over or expired)
     */
    public ApiResult<StagedUpload> getUpload(String uploadId) {
        return async.getUpload(uploadId, RequestOptions.none()).join();
    }

    /**
     * @param uploadId the upload's id
     * @return {@code Ok} with the deleted upload, or {@code Err}
     */
    public ApiResult<StagedUpload> deleteUpload(String uploadId) {
        return async.deleteUpload(uploadId, RequestOptions.none()).join();
    }

    /**
     * @param content the bytes
     * @param options per-call options
     * @return {@code Ok} with the staged upload, or {@code Err}
     */
    public ApiResult<StagedUpload> stage(byte[] content, RequestOptions options) {
        return async.stage(content, options).join();
    }

    /**
     * @param uploadId the upload's id
     * @param options per-call options
     * @return {@code Ok} with the staged upload, or {@code Err}
     */
    public ApiResult<StagedUpload> getUpload(String uploadId, RequestOptions options) {
        return async.getUpload(uploadId, options).join();
    }

    /**
     * @param uploadId the upload's id
     * @param options per-call options
     * @return {@code Ok} with the deleted upload, or {@code Err}
     */
    public ApiResult<StagedUpload> deleteUpload(String uploadId, RequestOptions options) {
        return async.deleteUpload(uploadId, options).join();
    }

    /**
     * A stream's bytes into the job's workspace with default options (read once, not retried).
     *
     * @param jobId the job id
     * @param path where to put it
     * @param content the bytes; read to its end, not closed
     * @return {@code Ok} with the stored file, or {@code Err}
     */
    public ApiResult<WorkspaceFileResponse> upload(String jobId, String path, InputStream content) {
        return async.upload(jobId, path, content, RequestOptions.none()).join();
    }
}
