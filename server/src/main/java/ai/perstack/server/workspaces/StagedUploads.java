package ai.perstack.server.workspaces;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files an organization uploaded for a job it has not started yet: each kept as
 * {@code <workspaces root>/.uploads/<organizationId>/<uploadId>} until a start or continue hands
 * it to a job ({@link #handOver}) or it expires ({@link #expire}). The file system is the whole
 * record (the owner is the directory, the expiry the file's time), so every {@code serve} process
 * sharing the workspaces directory sees the same uploads, and handing one over is one rename:
 * of two starts naming the same upload, exactly one gets it.
 */
public final class StagedUploads {
    /** The staging directory under the workspaces root; its dot keeps it apart from every job id. */
    public static final String DIRECTORY = ".uploads";
    private static final String PART = ".part-";
    private static final Pattern ORGANIZATION_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private final Path root;
    private final FileLimits limits;
    private final Clock clock;

    /** Staged uploads under {@code workspaces}' root, bounded by {@code limits}. */
    public StagedUploads(Workspaces workspaces, FileLimits limits, Clock clock) {
        this.root = workspaces.root().resolve(DIRECTORY);
        this.limits = limits;
        this.clock = clock;
        try {
            Files.createDirectories(root);
            Workspaces.ownerOnly(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the uploads directory " + root, e);
        }
    }

    /** The limits uploads are held to. */
    public FileLimits limits() {
        return limits;
    }

    /** A staged upload: its id, size and when it expires unused. */
    public record Staged(String id, long size, Instant expiresAt) {
    }

    /**
     * Stores {@code content} as a new staged upload of the organization. It is written beside the
     * others and renamed into place when complete and within the organization's limits, so a
     * failed or refused upload leaves nothing.
     *
     * @throws ApiException 413 naming the limit when the file or the organization's staged total
     *                      would be over it
     */
    public Staged stage(String organizationId, InputStream content) throws IOException {
        Path dir = organizationDir(organizationId);
        Files.createDirectories(dir);
        Workspaces.ownerOnly(dir);
        Usage before = usage(dir);
        if (before.files() >= limits.maxStagedFiles()) {
            throw ApiException.of(ApiException.Kind.TOO_LARGE, "an organization holds at most "
                    + limits.maxStagedFiles() + " staged uploads (maxStagedFiles); hand them to a job or let them expire");
        }
        Path part = Files.createTempFile(dir, PART, "");
        try {
            long size = BoundedCopy.toFile(content, part, limits.maxFileBytes());
            if (size < 0) {
                throw fileTooLarge(limits);
            }
            long total = usage(dir).bytes() + size;
            if (total > limits.maxStagedBytes()) {
                throw ApiException.of(ApiException.Kind.TOO_LARGE, "an organization's staged uploads are limited to "
                        + limits.maxStagedBytes() + " bytes (maxStagedBytes); with this one they would be " + total);
            }
            String id = Ids.newId();
            Instant now = clock.instant();
            Files.setLastModifiedTime(part, FileTime.from(now));
            Files.move(part, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE);
            return new Staged(id, size, now.plus(limits.stagedFor()));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The organization's staged upload {@code id}, unless it is unknown or expired. */
    public Optional<Staged> find(String organizationId, String id) {
        if (!Ids.isId(id)) {
            return Optional.empty();
        }
        Path file = organizationDir(organizationId).resolve(id);
        try {
            Instant expires = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()
                    .plus(limits.stagedFor());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !expires.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Staged(id, Files.size(file), expires));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the organization's staged upload; false when there was none. */
    public boolean delete(String organizationId, String id) {
        if (!Ids.isId(id)) {
            return false;
        }
        try {
            return Files.deleteIfExists(organizationDir(organizationId).resolve(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One staged upload a start or continue names: the request's field, the upload id, the workspace path. */
    public record Wanted(String field, String uploadId, String path) {
    }

    /**
     * Moves the named uploads into {@code target}, all or none: an upload that is unknown,
     * expired or taken meanwhile (by another request, in any process) is a 400 naming its field,
     * and a workspace that would be over {@link FileLimits#maxJobBytes} a 413; either way every
     * file already moved goes back. The caller {@link Handover#commit}s once the job is stored,
     * or {@link Handover#undo}es when storing it failed.
     */
    public Handover handOver(String organizationId, List<Wanted> wanted, Workspace target) throws IOException {
        Path dir = organizationDir(organizationId);
        long adding = 0;
        for (Wanted w : wanted) {
            Staged staged = find(organizationId, w.uploadId()).orElseThrow(() -> notFound(w));
            adding += staged.size();
        }
        Handover handover = new Handover(target);
        try {
            long replaced = 0;
            for (Wanted w : wanted) {
                Path file = target.resolve(w.path());
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    replaced += Files.size(file);
                }
            }
            long total = WorkspaceFiles.totalBytes(target) - replaced + adding;
            if (total > limits.maxJobBytes()) {
                throw jobTooLarge(limits, total);
            }
            for (Wanted w : wanted) {
                Path destination = WorkspaceFiles.prepareTarget(target, w.path());
                if (!handover.move(dir.resolve(w.uploadId()), destination)) {
                    throw notFound(w);
                }
            }
            return handover;
        } catch (PathRefusedException e) {
            handover.undo();
            throw ApiException.invalid("uploads", e.getMessage());
        } catch (RuntimeException | IOException e) {
            handover.undo();
            throw e;
        }
    }

    /**
     * Deletes every staged upload past its time, and parts of uploads that never finished
     * (older than twice the time a body may take). Returns how many files were deleted.
     */
    public int expire() {
        Instant now = clock.instant();
        Instant staleParts = now.minusSeconds(600);
        int deleted = 0;
        try (DirectoryStream<Path> organizations = Files.newDirectoryStream(root)) {
            for (Path dir : organizations) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                        boolean part = file.getFileName().toString().startsWith(PART);
                        boolean expired = part ? modified.isBefore(staleParts)
                                : !modified.plus(limits.stagedFor()).isAfter(now);
                        if (expired && Files.deleteIfExists(file)) {
                            deleted++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot expire staged uploads in " + root, e);
        }
        return deleted;
    }

    static ApiException fileTooLarge(FileLimits limits) {
        return ApiException.of(ApiException.Kind.TOO_LARGE, "a file is limited to " + limits.maxFileBytes()
                + " bytes (maxFileBytes)");
    }

    static ApiException jobTooLarge(FileLimits limits, long total) {
        return ApiException.of(ApiException.Kind.TOO_LARGE, "a job's workspace is limited to " + limits.maxJobBytes()
                + " bytes (maxJobBytes); with these files it would hold " + total);
    }

    private static ApiException notFound(Wanted w) {
        return ApiException.invalid(w.field(), "upload " + w.uploadId() + " is not a staged upload of this "
                + "organization (unknown, expired or already handed to a job)");
    }

    private record Usage(int files, long bytes) {
    }

    /** The organization's staged uploads that have not expired: how many, and their bytes. */
    private Usage usage(Path dir) throws IOException {
        int files = 0;
        long bytes = 0;
        Instant now = clock.instant();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path file : all) {
                try {
                    if (file.getFileName().toString().startsWith(PART)) {
                        continue;
                    }
                    if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()
                            .plus(limits.stagedFor()).isAfter(now)) {
                        files++;
                        bytes += Files.size(file);
                    }
                } catch (NoSuchFileException e) {
                    // handed over or expired meanwhile
                }
            }
        }
        return new Usage(files, bytes);
    }

    private Path organizationDir(String organizationId) {
        if (organizationId == null || !ORGANIZATION_ID.matcher(organizationId).matches()) {
            throw new IllegalArgumentException("organization id must match " + ORGANIZATION_ID.pattern());
        }
        return root.resolve(organizationId);
    }
}
