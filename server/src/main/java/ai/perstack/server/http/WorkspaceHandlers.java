package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.workspaces.FileLimits;
import ai.perstack.server.workspaces.PathRefusedException;
import ai.perstack.server.workspaces.StagedUploads;
import ai.perstack.server.workspaces.Workspace;
import ai.perstack.server.workspaces.WorkspaceFile;
import ai.perstack.server.workspaces.WorkspaceFiles;
import ai.perstack.server.workspaces.Workspaces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;

/**
 * {@code /api/v1/jobs/{jobId}/workspace/files} and {@code /api/v1/workspace/uploads}: a
 * local-platform extension to hand a job files and take out what it wrote. The job or upload is
 * looked up in the caller's organization first, so another organization's is a 404 like
 * everywhere else. An upload is either JSON with the content in base64 (within the 1 MiB body
 * cap, with idempotency) or the raw bytes ({@code application/octet-stream}, streamed to disk,
 * up to {@link FileLimits#maxFileBytes}).
 */
final class WorkspaceHandlers {
    private final JobService jobs;
    private final Workspaces workspaces;
    private final StagedUploads staged;
    private final FileLimits limits;

    WorkspaceHandlers(JobService jobs, Workspaces workspaces, StagedUploads staged) {
        this.jobs = jobs;
        this.workspaces = workspaces;
        this.staged = staged;
        this.limits = staged.limits();
    }

    /** The reason of the 413 for a raw body over the file limit. */
    String fileLimitReason() {
        return "a file is limited to " + limits.maxFileBytes() + " bytes (maxFileBytes)";
    }

    Reply list(ApiRequest r) throws IOException {
        r.query().validate();
        Workspace workspace = workspaceOf(r);
        List<WorkspaceFile> files = WorkspaceFiles.list(workspace);
        return Reply.ok(Render.all("files", files, WorkspaceHandlers::file));
    }

    Reply upload(ApiRequest r) throws IOException {
        JsonBody body = r.body("path", "content");
        String path = body.requiredString("path");
        String content = body.requiredString("content");
        body.validate();
        String problem = WorkspaceFiles.nameProblem(path);
        if (problem != null) {
            throw ApiException.invalid("path", problem);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("content", "must be base64 (RFC 4648, with padding)");
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw ApiException.of(ApiException.Kind.TOO_LARGE,
                    "content: a file is limited to " + limits.maxFileBytes() + " bytes (maxFileBytes)");
        }
        return put(r, path, new ByteArrayInputStream(bytes));
    }

    /** {@code POST …/workspace/files?path=} with the raw bytes as the body. */
    Reply uploadRaw(ApiRequest r, InputStream body) throws IOException {
        var q = r.query("path");
        String path = q.string("path");
        q.validate();
        if (path == null) {
            throw ApiException.invalid("path", "is required (a query parameter with a raw body)");
        }
        String problem = WorkspaceFiles.nameProblem(path);
        if (problem != null) {
            throw ApiException.invalid("path", problem);
        }
        return put(r, path, body);
    }

    private Reply put(ApiRequest r, String path, InputStream content) throws IOException {
        Workspace workspace = workspaceOf(r);
        long written;
        try {
            written = WorkspaceFiles.put(workspace, path, content, limits);
        } catch (PathRefusedException e) {
            throw ApiException.invalid("path", e.getMessage());
        }
        WorkspaceFile stored = WorkspaceFiles.list(workspace).stream().filter(f -> f.path().equals(path))
                .findFirst().orElse(new WorkspaceFile(path, written, java.time.Instant.now()));
        return Reply.created(Render.item("file", file(stored)));
    }

    /** {@code POST /workspace/uploads}: stages the raw body for a later start or continue. */
    Reply stage(ApiRequest r, InputStream body) throws IOException {
        r.query().validate();
        return Reply.created(Render.item("upload", upload(staged.stage(r.org().id(), body))));
    }

    /** {@code GET /workspace/uploads/{uploadId}}. */
    Reply getUpload(ApiRequest r) {
        r.query().validate();
        String id = r.path("uploadId");
        return Reply.ok(Render.item("upload", upload(staged.find(r.org().id(), id)
                .orElseThrow(() -> ApiException.notFound("upload " + id + " not found")))));
    }

    /** {@code DELETE /workspace/uploads/{uploadId}}: an upload no job will take. */
    Reply deleteUpload(ApiRequest r) {
        r.query().validate();
        String id = r.path("uploadId");
        StagedUploads.Staged upload = staged.find(r.org().id(), id)
                .orElseThrow(() -> ApiException.notFound("upload " + id + " not found"));
        if (!staged.delete(r.org().id(), id)) {
            throw ApiException.notFound("upload " + id + " not found");
        }
        return Reply.ok(Render.item("upload", upload(upload)));
    }

    Reply download(ApiRequest r) throws IOException {
        var q = r.query("path");
        String path = q.string("path");
        q.validate();
        if (path == null) {
            throw ApiException.invalid("path", "is required");
        }
        String problem = WorkspaceFiles.nameProblem(path);
        if (problem != null) {
            throw ApiException.invalid("path", problem);
        }
        Workspace workspace = workspaceOf(r);
        try {
            return Reply.ok(new FileReply(WorkspaceFiles.open(workspace, path), path));
        } catch (PathRefusedException e) {
            // the name is well-formed (checked above): what is left is that no such regular file is there
            throw ApiException.notFound("no file " + path + " in the workspace of job " + r.path("jobId"));
        }
    }

    /** The caller's job's workspace; 404 for a job of another organization or none. */
    private Workspace workspaceOf(ApiRequest r) {
        String jobId = r.path("jobId");
        jobs.get(r.org(), jobId);
        return workspaces.forJob(jobId);
    }

    private static Object upload(StagedUploads.Staged u) {
        return new Render.Obj().put("id", u.id()).put("size", u.size())
                .put("expiresAt", Render.timestamp(u.expiresAt())).map;
    }

    private static Object file(WorkspaceFile f) {
        return new Render.Obj().put("path", f.path()).put("size", f.size())
                .put("modified", Render.timestamp(f.modified())).map;
    }
}
