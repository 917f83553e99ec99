package ai.perstack.server.workspaces;

import java.time.Duration;

/**
 * Bounds on what a user may hand a job, so that no key holder can fill the platform's disk:
 * the largest single file, the most bytes one job's workspace may hold after an upload, the most
 * bytes and files an organization may keep staged (uploaded but not yet handed to a job), the
 * most uploads one start or continue may name, and how long a staged upload is kept unused.
 *
 * @param maxFileBytes       the largest file one upload may carry
 * @param maxJobBytes        the most bytes a job's workspace may hold once an upload lands in it
 * @param maxStagedBytes     the most bytes an organization's staged uploads may add up to
 * @param maxStagedFiles     the most staged uploads an organization may hold at once
 * @param maxUploadsPerCall  the most uploads one start or continue may name
 * @param stagedFor          how long a staged upload is kept before it expires and is deleted
 */
public record FileLimits(long maxFileBytes, long maxJobBytes, long maxStagedBytes, int maxStagedFiles,
                         int maxUploadsPerCall, Duration stagedFor) {
    /** 64 MiB a file, 1 GiB a job's workspace, 1 GiB and 100 staged uploads an organization, kept 1 h. */
    public static final FileLimits DEFAULT = new FileLimits(64L << 20, 1L << 30, 1L << 30, 100, 100,
            Duration.ofHours(1));

    public FileLimits {
        if (maxFileBytes <= 0 || maxJobBytes <= 0 || maxStagedBytes <= 0 || maxStagedFiles <= 0
                || maxUploadsPerCall <= 0 || stagedFor == null || stagedFor.isNegative() || stagedFor.isZero()) {
            throw new IllegalArgumentException("file limits must be positive");
        }
    }
}
