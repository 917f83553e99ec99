package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.workspaces.FileLimits;
import ai.perstack.server.workspaces.PathRefusedException;
import ai.perstack.server.workspaces.Workspace;
import ai.perstack.server.workspaces.WorkspaceFile;
import ai.perstack.server.workspaces.WorkspaceFiles;
import ai.perstack.server.workspaces.Workspaces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * {@code /api/v1/jobs/{jobId}/workspace/files}: a local-platform extension to hand a job files
 * and take out what it wrote. The job is looked up in the caller's organization first, so
 * another organization's job is a 404 like everywhere else. Uploads are JSON with the content
 * in base64, so they go through the same 1 MiB body cap, idempotency and JSON errors as every
 * other call.
 */
final class WorkspaceHandlers {
    private final JobService jobs;
    private final Workspaces workspaces;
    private final FileLimits limits;

    WorkspaceHandlers(JobService jobs, Workspaces workspaces, FileLimits limits) {
        this.jobs = jobs;
        this.workspaces = workspaces;
        this.limits = limits;
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
                    "content: a file is limited to " + limits.maxFileBytes() + " bytes");
        }
        Workspace workspace = workspaceOf(r);
        long written;
        try {
            written = WorkspaceFiles.put(workspace, path, new ByteArrayInputStream(bytes), limits.maxFileBytes());
        } catch (PathRefusedException e) {
            throw ApiException.invalid("path", e.getMessage());
        }
        WorkspaceFile stored = WorkspaceFiles.list(workspace).stream().filter(f -> f.path().equals(path))
                .findFirst().orElse(new WorkspaceFile(path, written, java.time.Instant.now()));
        return Reply.created(Render.item("file", file(stored)));
    }

    Reply download(ApiRequest r) {
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

    private static Object file(WorkspaceFile f) {
        return new Render.Obj().put("path", f.path()).put("size", f.size())
                .put("modified", Render.timestamp(f.modified())).map;
    }
}
