package ai.perstack.server.jobs;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.store.JobRecord;
import ai.perstack.server.workspaces.Handover;
import ai.perstack.server.workspaces.StagedUploads;
import ai.perstack.server.workspaces.WorkspaceFiles;
import ai.perstack.server.workspaces.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A start's or continue's {@code uploads}: staged files moved into the job's workspace inside
 * the request that queues the job, so its first step already sees them. Each path is also one of
 * the job's {@code files} (the names the model is told about). A failed start or continue puts
 * every file back where it was, and a new job's workspace is removed with it.
 */
final class JobInputs {
    private final Workspaces workspaces;
    private final StagedUploads uploads;

    JobInputs(Workspaces workspaces, StagedUploads uploads) {
        this.workspaces = workspaces;
        this.uploads = uploads;
    }

    /** {@code query}, {@code files} and {@code uploads} of a start ({@code required}) or continue. */
    static void checkQueryAndFiles(JobInputs inputs, Validation v, String query, List<String> files,
                                   List<JobRequests.Upload> uploads, boolean required) {
        if (query != null && query.isEmpty()) {
            v.fail("query", "must not be empty");
        }
        if (files != null) {
            JobFiles.checkGiven(v, files);
        }
        check(inputs, v, files, uploads);
        if (required && query == null && (files == null || files.isEmpty()) && (uploads == null || uploads.isEmpty())) {
            v.fail("query", "query or files is required");
        }
    }

    /**
     * Checks {@code uploads} of a request with its {@code files} (together within a job's
     * files), or refuses them when the server keeps no staged uploads ({@code inputs} null).
     */
    private static void check(JobInputs inputs, Validation v, List<String> files, List<JobRequests.Upload> uploads) {
        if (uploads == null || uploads.isEmpty()) {
            return;
        }
        if (inputs == null) {
            v.fail("uploads", "this server keeps no staged uploads");
            return;
        }
        inputs.check(v, uploads);
        List<String> named = paths(uploads).stream().filter(java.util.Objects::nonNull).toList();
        int total = JobFiles.merge(files == null ? List.of() : files, named).size();
        if (total > JobFiles.MAX) {
            v.fail("uploads", "a job holds at most " + JobFiles.MAX + " files; with these it would hold " + total);
        }
    }

    /**
     * Stores a job with its uploads: the transaction ({@code store}) moves them into the job's
     * workspace before it commits; if it fails, or its commit does, every file goes back.
     */
    static JobRecord store(Transfer transfer, Supplier<JobRecord> store) {
        JobRecord job;
        try {
            job = store.get();
        } catch (RuntimeException | Error e) {
            if (transfer != null) {
                transfer.undo();
            }
            throw e;
        }
        if (transfer != null) {
            transfer.commit();
        }
        return job;
    }

    /** Checks the entries' shape: each path a valid upload name, once; each id an id; not too many. */
    private void check(Validation v, List<JobRequests.Upload> given) {
        if (given == null) {
            return;
        }
        int max = uploads.limits().maxUploadsPerCall();
        if (given.size() > max) {
            v.fail("uploads", "at most " + max + " uploads a request (maxUploadsPerCall)");
            return;
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JobRequests.Upload u = given.get(i);
            String at = "uploads[" + i + "]";
            String problem = WorkspaceFiles.nameProblem(u.path());
            if (u.path() == null) {
                v.fail(at + ".path", "is required");
            } else if (problem != null) {
                v.fail(at + ".path", problem);
            } else if (u.path().length() > 1024) {
                v.fail(at + ".path", "must be at most 1024 characters (a job's files are)");
            } else if (!paths.add(u.path())) {
                v.fail(at + ".path", "names a path another entry names: " + u.path());
            }
            if (u.uploadId() == null) {
                v.fail(at + ".uploadId", "is required");
            } else if (!Ids.isId(u.uploadId())) {
                v.fail(at + ".uploadId", "must be an upload id (24 lowercase letters and digits)");
            }
        }
    }

    /** The workspace paths of the entries, in order: the names they add to the job's files. */
    static List<String> paths(List<JobRequests.Upload> given) {
        return given == null ? List.of() : given.stream().map(JobRequests.Upload::path).toList();
    }

    /** A hand-over of {@code given} to a job, done inside the transaction that stores the job. */
    Transfer transfer(Organization org, List<JobRequests.Upload> given) {
        return new Transfer(org, given == null ? List.of() : given);
    }

    /** The files of one request on their way into a job's workspace. */
    final class Transfer {
        private final Organization org;
        private final List<JobRequests.Upload> given;
        private Handover handover;
        private String newJobId;

        private Transfer(Organization org, List<JobRequests.Upload> given) {
            this.org = org;
            this.given = given;
        }

        /**
         * Moves the files into the job's workspace (400 naming the entry whose upload is gone,
         * 413 naming the limit); {@code newJob}: the workspace is new and goes if this is undone.
         */
        void into(String jobId, boolean newJob) {
            if (given.isEmpty()) {
                return;
            }
            boolean existed = workspaces.exists(jobId);
            if (newJob && !existed) {
                newJobId = jobId;
            }
            List<StagedUploads.Wanted> wanted = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                wanted.add(new StagedUploads.Wanted("uploads[" + i + "].uploadId", given.get(i).uploadId(),
                        given.get(i).path()));
            }
            try {
                handover = uploads.handOver(org.id(), wanted, workspaces.forJob(jobId));
            } catch (IOException e) {
                removeNewWorkspace();
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                removeNewWorkspace();
                throw e;
            }
        }

        /** The job is stored: the hand-over is final. */
        void commit() {
            if (handover != null) {
                handover.commit();
            }
        }

        /** Storing the job failed: the files go back to staging, a new job's workspace goes. */
        void undo() {
            if (handover != null) {
                handover.undo();
                handover = null;
            }
            removeNewWorkspace();
        }

        private void removeNewWorkspace() {
            if (newJobId != null) {
                workspaces.delete(newJobId);
            }
        }
    }
}
