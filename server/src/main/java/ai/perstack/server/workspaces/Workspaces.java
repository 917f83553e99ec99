package ai.perstack.server.workspaces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where jobs' workspaces live: one directory per job, {@code <root>/<jobId>}. Several
 * {@code serve} processes on one PostgreSQL must be given the same root (a directory they
 * share), so a job resumed by another process finds its files as they were.
 */
public final class Workspaces {
    private static final Pattern JOB_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private final Path root;

    /** Workspaces under {@code root}, which is created when missing, readable by the owner only. */
    public Workspaces(Path root) {
        try {
            Files.createDirectories(root);
            ownerOnly(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workspaces directory " + root, e);
        }
    }

    /** The directory all workspaces are kept under. */
    public Path root() {
        return root;
    }

    /** The job's workspace, created on first use. */
    public Workspace forJob(String jobId) {
        Path dir = directory(jobId);
        try {
            if (Files.isSymbolicLink(dir)) {
                throw new IllegalStateException("workspace of job " + jobId + " is a symlink");
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                ownerOnly(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the workspace of job " + jobId, e);
        }
        return Workspace.at(dir);
    }

    /** Whether the job has a workspace directory already. */
    public boolean exists(String jobId) {
        return Files.isDirectory(directory(jobId), LinkOption.NOFOLLOW_LINKS);
    }

    /** Removes the job's workspace and everything in it (symlinks are removed, never followed). */
    public void delete(String jobId) {
        Path dir = directory(jobId);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the workspace of job " + jobId, e);
        }
    }

    /** Jobs' files are the organization's: other users of the host may not read them. */
    static void ownerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own rules apply
        }
    }

    private Path directory(String jobId) {
        if (jobId == null || !JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("job id must match " + JOB_ID.pattern());
        }
        return root.resolve(jobId);
    }
}
