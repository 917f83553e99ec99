package ai.perstack.server.workspaces;

/**
 * Bounds on what a user may hand a job: the largest single file, the most bytes all files of
 * one request may add up to, and the most files in one request.
 */
public record FileLimits(long maxFileBytes, long maxTotalBytes, int maxFiles) {
    /** 10 MiB a file, 50 MiB and 100 files a request. */
    public static final FileLimits DEFAULT = new FileLimits(10L << 20, 50L << 20, 100);

    public FileLimits {
        if (maxFileBytes <= 0 || maxTotalBytes <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("file limits must be positive");
        }
    }
}
