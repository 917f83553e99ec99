package ai.perstack.client.jobs;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/**
 * {@code client.async().jobs().workspace()}: a job's workspace files. A local-platform
 * extension (tag {@code local-workspace} of {@code api/openapi.yaml}), not part of the Perstack
 * platform API. Futures always complete normally.
 */
public final class AsyncWorkspaceApi {
    /** The most content bytes one JSON upload can carry within the server's 1 MiB request cap. */
    public static final int MAX_UPLOAD_BYTES = 768 * 1024;
    private static final String UPLOADS = "/api/v1/workspace/uploads";
    private static final String OCTET_STREAM = "application/octet-stream";
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
     * {@code GET /jobs/{jobId}/workspace/file?path=} into {@code target}, streamed (never held
     * whole in memory): written beside {@code target} and moved into place when complete, so a
     * failed download leaves no partial file and an existing {@code target} is replaced only
     * by a whole one.
     *
     * @param jobId   the job id
     * @param path    the file's path in the workspace
     * @param target  the local file to write
     * @param options per-call options, or null
     * @return a future of {@code Ok} with {@code target}, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<Path>> download(String jobId, String path, Path target, RequestOptions options) {
        Check check = Check.start().id("jobId", jobId).length("path", path, 1, 10240).required("target", target);
        Path temp;
        try {
            Path dir = target == null ? null : target.toAbsolutePath().getParent();
            temp = dir == null ? null : Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            check.problem("target", "cannot write beside it: " + e.getMessage());
            temp = null;
        }
        Path part = temp;
        return transport.send(check, () -> Call.getToFile(AsyncJobsApi.BASE + "/" + segment(jobId) + "/workspace/file",
                Call.params().add("path", path).build(), part, options, body -> target))
                .thenApply(result -> {
                    try {
                        if (result.ok()) {
                            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        }
                    } catch (IOException e) {
                        return ApiResult.<Path>failure(ai.perstack.client.internal.Errors.invalidInput(
                                java.util.Map.of("target", "cannot move the download into place: " + e.getMessage())));
                    } finally {
                        deleteQuietly(part);
                    }
                    return result;
                });
    }

    /**
     * {@code POST /jobs/{jobId}/workspace/files?path=} with the file's bytes as the raw body:
     * beyond the JSON cap, up to the server's file limit (64 MiB by default), streamed from disk.
     * Retried like any call (the file is read again).
     *
     * @param jobId   the job id
     * @param path    where to put it in the workspace
     * @param file    the local file
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the stored file, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<WorkspaceFileResponse>> upload(String jobId, String path, Path file,
                                                                      RequestOptions options) {
        Check check = Check.start().id("jobId", jobId).length("path", path, 1, 10240);
        Call.RawBody raw = fileBody(check, file);
        return transport.send(check, () -> Call.postRaw(files(jobId), Call.params().add("path", path).build(), raw,
                options, WorkspaceFileResponse::read));
    }

    /**
     * Like {@link #upload(String, String, Path, RequestOptions)} from a stream, read once as it
     * is sent (so the call is not retried).
     *
     * @param jobId   the job id
     * @param path    where to put it in the workspace
     * @param content the bytes; read to its end, not closed
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the stored file, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<WorkspaceFileResponse>> upload(String jobId, String path, InputStream content,
                                                                      RequestOptions options) {
        Check check = Check.start().id("jobId", jobId).length("path", path, 1, 10240).required("content", content);
        return transport.send(check, () -> Call.postRaw(files(jobId), Call.params().add("path", path).build(),
                streamBody(content), options, WorkspaceFileResponse::read));
    }

    /**
     * {@code POST /workspace/uploads}: stages a local file for a job not started yet; name the
     * answer's id in {@link UploadRef} on start or continue before it expires (1 hour by default).
     *
     * @param file    the local file
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the staged upload, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<StagedUpload>> stage(Path file, RequestOptions options) {
        Check check = Check.start();
        Call.RawBody raw = fileBody(check, file);
        return transport.send(check, () -> Call.postRaw(UPLOADS, null, raw, options, StagedUpload::read));
    }

    /**
     * {@code POST /workspace/uploads} of bytes in memory.
     *
     * @param content the bytes
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the staged upload, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<StagedUpload>> stage(byte[] content, RequestOptions options) {
        Check check = Check.start().required("content", content);
        byte[] bytes = content == null ? new byte[0] : content.clone();
        return transport.send(check, () -> Call.postRaw(UPLOADS, null, new Call.RawBody(OCTET_STREAM,
                () -> HttpRequest.BodyPublishers.ofByteArray(bytes), true), options, StagedUpload::read));
    }

    /**
     * {@code POST /workspace/uploads} from a stream, read once as it is sent (not retried).
     *
     * @param content the bytes; read to its end, not closed
     * @param options per-call options, or null
     * @return a future of {@code Ok} with the staged upload, or {@code Err} with the failure
     */
    public CompletableFuture<ApiResult<StagedUpload>> stage(InputStream content, RequestOptions options) {
        Check check = Check.start().required("content", content);
        return transport.send(check, () -> Call.postRaw(UPLOADS, null, streamBody(content), options, StagedUpload::read));
    }

    /**
     * {@code GET /workspace/uploads/{uploadId}}: a staged upload no job has taken yet.
     *
     * @param uploadId the upload's id
     * @param options  per-call options, or null
     * @return a future of {@code Ok} with it, or {@code Err} (404 when unknown, expired or handed over)
     */
    public CompletableFuture<ApiResult<StagedUpload>> getUpload(String uploadId, RequestOptions options) {
        return transport.send(Check.start().id("uploadId", uploadId),
                () -> Call.get(UPLOADS + "/" + segment(uploadId), null, options, StagedUpload::read));
    }

    /**
     * {@code DELETE /workspace/uploads/{uploadId}}: drops a staged upload no job will take.
     *
     * @param uploadId the upload's id
     * @param options  per-call options, or null
     * @return a future of {@code Ok} with the deleted upload, or {@code Err}
     */
    public CompletableFuture<ApiResult<StagedUpload>> deleteUpload(String uploadId, RequestOptions options) {
        return transport.send(Check.start().id("uploadId", uploadId),
                () -> Call.delete(UPLOADS + "/" + segment(uploadId), options, StagedUpload::read));
    }

    /**
     * Stage a local file with default options.
     *
     * @param file the local file
     * @return see {@link #stage(Path, RequestOptions)}
     */
    public CompletableFuture<ApiResult<StagedUpload>> stage(Path file) {
        return stage(file, RequestOptions.none());
    }

    /**
     * A staged upload with default options.
     *
     * @param uploadId the upload's id
     * @return see {@link #getUpload(String, RequestOptions)}
     */
    public CompletableFuture<ApiResult<StagedUpload>> getUpload(String uploadId) {
        return getUpload(uploadId, RequestOptions.none());
    }

    /**
     * Delete a staged upload with default options.
     *
     * @param uploadId the upload's id
     * @return see {@link #deleteUpload(String, RequestOptions)}
     */
    public CompletableFuture<ApiResult<StagedUpload>> deleteUpload(String uploadId) {
        return deleteUpload(uploadId, RequestOptions.none());
    }

    /**
     * Upload a local file with default options.
     *
     * @param jobId the job id
     * @param path  where to put it in the workspace
     * @param file  the local file
     * @return see {@link #upload(String, String, Path, RequestOptions)}
     */
    public CompletableFuture<ApiResult<WorkspaceFileResponse>> upload(String jobId, String path, Path file) {
        return upload(jobId, path, file, RequestOptions.none());
    }

    /**
     * Download into a file with default options.
     *
     * @param jobId  the job id
     * @param path   the file's path in the workspace
     * @param target the local file to write
     * @return see {@link #download(String, String, Path, RequestOptions)}
     */
    public CompletableFuture<ApiResult<Path>> download(String jobId, String path, Path target) {
        return download(jobId, path, target, RequestOptions.none());
    }

    private static Call.RawBody fileBody(Check check, Path file) {
        if (file == null) {
            check.problem("file", "is required");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            check.problem("file", "must be a readable regular file: " + file);
            return null;
        }
        return new Call.RawBody(OCTET_STREAM, () -> {
            try {
                return HttpRequest.BodyPublishers.ofFile(file);
            } catch (java.io.FileNotFoundException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, true);
    }

    private static Call.RawBody streamBody(InputStream content) {
        return new Call.RawBody(OCTET_STREAM, () -> HttpRequest.BodyPublishers.ofInputStream(() -> content), false);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover part file; nothing else to do
        }
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
