package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.Transport;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/**
 * {@code client.async().jobs().workspace()}: a job's workspace files. A local-platform
 * extension (tag {@code local-workspace} of {@code api/openapi.yaml}), not part of the Perstack
 * platform API. Futures always complete normally.
 */
public final class AsyncWorkspaceApi {
    /** The most content bytes one upload can carry within the server's 1 MiB request cap. */
    public static final int MAX_UPLOAD_BYTES = 768 * 1024;
    private final Transport transport;

    AsyncWorkspaceApi(Transport transport) {
        this.transport = transport;
    }

    private static String files(String jobId) {
        return AsyncJobsApi.BASE + "/" + segment(jobId) + "/workspace/files";
    }

    /**
     * {@code GET /jobs/{jobId}/workspace/files}: every file in the job's workspace.
     *
     * @param jobId   the job id
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the files, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<WorkspaceFilesResponse>> list(String jobId, RequestOptions options) {
        return transport.send(Check.start().id("jobId", jobId),
                () -> Call.get(files(jobId), null, options, WorkspaceFilesResponse::read));
    }

    /**
     * {@code GET /jobs/{jobId}/workspace/files} with default options.
     *
     * @param jobId the job id
     * @return see {@link #list(String, RequestOptions)}
     */
    public CompletableFuture<ApiResult<WorkspaceFilesResponse>> list(String jobId) {
        return list(jobId, RequestOptions.none());
    }

    /**
     * {@code POST /jobs/{jobId}/workspace/files}: writes {@code content} to {@code path},
     * replacing a file of that name.
     *
     * @param jobId   the job id
     * @param path    relative, {@code /}-separated, not under {@code perstack/}
     * @param content at most {@link #MAX_UPLOAD_BYTES} bytes
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the stored file, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<WorkspaceFileResponse>> upload(String jobId, String path, byte[] content,
                                                                      RequestOptions options) {
        Check check = Check.start().id("jobId", jobId).length("path", path, 1, 10240).required("content", content);
        if (content != null && content.length > MAX_UPLOAD_BYTES) {
            check.problem("content", "must be at most " + MAX_UPLOAD_BYTES + " bytes (the 1 MiB request cap)");
        }
        return transport.send(check, () -> Call.post(files(jobId), Json.object().put("path", path)
                .put("content", Base64.getEncoder().encodeToString(content)), options, WorkspaceFileResponse::read));
    }

    /**
     * Upload with default options.
     *
     * @param jobId the job id
     * @param path the name
     * @param content the bytes
     * @return see {@link #upload(String, String, byte[], RequestOptions)}
     */
    public CompletableFuture<ApiResult<WorkspaceFileResponse>> upload(String jobId, String path, byte[] content) {
        return upload(jobId, path, content, RequestOptions.none());
    }

    /**
     * {@code GET /jobs/{jobId}/workspace/file?path=}: the bytes of one file.
     *
     * @param jobId   the job id
     * @param path    the file's path in the workspace
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the bytes, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<byte[]>> download(String jobId, String path, RequestOptions options) {
        Check check = Check.start().id("jobId", jobId).length("path", path, 1, 10240);
        return transport.send(check, () -> Call.getRaw(AsyncJobsApi.BASE + "/" + segment(jobId) + "/workspace/file",
                Call.params().add("path", path).build(), options, body -> body));
    }

    /**
     * Download with default options.
     *
     * @param jobId the job id
     * @param path the name
     * @return see {@link #download(String, String, RequestOptions)}
     */
    public CompletableFuture<ApiResult<byte[]>> download(String jobId, String path) {
        return download(jobId, path, RequestOptions.none());
    }
}
