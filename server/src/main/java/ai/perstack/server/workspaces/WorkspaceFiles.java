package ai.perstack.server.workspaces;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.NoSuchFileException;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The user's side of a workspace: files handed in (upload), listed and taken out (download).
 * Names are relative paths with {@code /} separators; they go through the same confinement as
 * the job's own paths, and more: no absolute path, no {@code ~}, no {@code .} or {@code ..}
 * segment, no backslash or control character. An upload is written to a temporary file and
 * moved into place only when complete and within the limits, so nothing is half-written.
 */
public final class WorkspaceFiles {
    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    /** The longest file name core allows for a job file. */
    public static final int MAX_NAME_LENGTH = 10240;
    /** The longest segment the file systems we run on can hold (Linux NAME_MAX), in UTF-8 bytes. */
    public static final int MAX_SEGMENT_BYTES = 255;
    /** The longest path the file systems we run on can open (Linux PATH_MAX), in UTF-8 bytes. */
    public static final int MAX_PATH_BYTES = 4096;

    private WorkspaceFiles() {
    }

    /**
     * Checks a user-given file name; returns the rule it breaks, or null when it is fine.
     */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "must not be empty or blank";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "must be at most " + MAX_NAME_LENGTH + " characters";
        }
        if (name.startsWith("/") || name.startsWith("~")) {
            return "must be a relative path";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return "must not contain control characters or backslashes";
            }
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "must not have empty, '.' or '..' segments";
            }
        }
        for (String segment : name.split("/", -1)) {
            if (utf8Length(segment) > MAX_SEGMENT_BYTES) {
                return "must not have a segment over " + MAX_SEGMENT_BYTES + " bytes in UTF-8 (the file system's limit)";
            }
        }
        if (utf8Length(name) > MAX_PATH_BYTES) {
            return "must be at most " + MAX_PATH_BYTES + " bytes in UTF-8 (the file system's limit)";
        }
        if (name.split("/", 2)[0].equalsIgnoreCase(Workspace.RESERVED)) {
            return "must not be in the reserved directory '" + Workspace.RESERVED + "'";
        }
        return null;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /**
     * Writes {@code content} to {@code name} in the workspace, replacing a file of that name.
     * At most {@code limits.maxFileBytes()} are read, and the workspace may hold at most
     * {@code limits.maxJobBytes()} afterwards; beyond either the upload fails with a 413 naming
     * the limit and leaves nothing behind. Of concurrent uploads to one name, the last to
     * complete wins whole.
     *
     * @return the number of bytes written
     * @throws PathRefusedException when the name breaks a rule
     */
    public static long put(Workspace workspace, String name, InputStream content, FileLimits limits)
            throws PathRefusedException, IOException {
        Path target = prepareTarget(workspace, name);
        ConfinedDirectory parent = ConfinedDirectory.parentOf(workspace, name);
        if (parent == null) {
            return putByPath(workspace, target, content, limits);
        }
        // written and renamed inside the directory opened without following links: a parent a job
        // turns into a link meanwhile cannot send the file elsewhere
        try (parent) {
            SecureDirectoryStream<Path> dir = parent.dir();
            Path temp = Path.of(".upload-" + UUID.randomUUID() + ".part");
            try {
                long written;
                try (OutputStream out = Channels.newOutputStream(dir.newByteChannel(temp, Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), OWNER_ONLY))) {
                    written = BoundedCopy.copy(content, out, limits.maxFileBytes());
                }
                checkLimits(workspace, target, written, limits);
                dir.move(temp, dir, parent.last());
                return written;
            } finally {
                try {
                    dir.deleteFile(temp);
                } catch (NoSuchFileException e) {
                    // moved into place
                }
            }
        }
    }

    /** Where the file system offers no relative opening: the same by path (a race with a job remains). */
    private static long putByPath(Workspace workspace, Path target, InputStream content, FileLimits limits)
            throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            long written = BoundedCopy.toFile(content, temp, limits.maxFileBytes());
            checkLimits(workspace, target, written, limits);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** 413 naming the limit when {@code written} (-1: over the file limit) is too much for the file or the job. */
    private static void checkLimits(Workspace workspace, Path target, long written, FileLimits limits)
            throws IOException {
        if (written < 0) {
            throw StagedUploads.fileTooLarge(limits);
        }
        long replaced = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? Files.size(target) : 0;
        long total = totalBytes(workspace) - replaced + written;
        if (total > limits.maxJobBytes()) {
            throw StagedUploads.jobTooLarge(limits, total);
        }
    }

    /**
     * The absolute path a user-given {@code name} will be written to, with its parent
     * directories made: the name's rules, confinement, and not a directory or a link.
     */
    static Path prepareTarget(Workspace workspace, String name) throws PathRefusedException, IOException {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new PathRefusedException("file name " + problem + ": " + name);
        }
        Path target = workspace.resolve(name);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
            throw new PathRefusedException("file name names a directory or a link: " + name);
        }
        Files.createDirectories(target.getParent());
        // the parent may have been created just now; check again that it is really inside
        workspace.resolve(name);
        return target;
    }

    /**
     * The bytes of every regular file in the workspace (the reserved directory included, links
     * not followed), without parts of uploads still arriving.
     */
    public static long totalBytes(Workspace workspace) throws IOException {
        long[] total = {0};
        Files.walkFileTree(workspace.root(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".upload-")) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    /**
     * Every regular file in the workspace, sorted by path; symlinks are not followed and the
     * reserved directory is left out.
     */
    public static List<WorkspaceFile> list(Workspace workspace) throws IOException {
        List<WorkspaceFile> files = new ArrayList<>();
        Path root = workspace.root();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return workspace.isReserved(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".upload-")) {
                    files.add(new WorkspaceFile(workspace.relative(file), attrs.size(),
                            attrs.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(WorkspaceFile::path));
        return files;
    }

    /**
     * The regular file {@code name} names, opened for download without following any link on
     * the way ({@link OpenedFile}).
     *
     * @throws PathRefusedException when the name breaks a rule, or names no regular file
     */
    public static OpenedFile open(Workspace workspace, String name) throws PathRefusedException, IOException {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new PathRefusedException("file name " + problem + ": " + name);
        }
        workspace.resolve(name); // the confinement rules first, as for every path
        return OpenedFile.open(workspace, name);
    }
}
