package ai.perstack.server.workspaces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One job's directory and the rules of core's base skill for the paths a job names (§8):
 * a leading {@code ~} is the user's home, a relative path is resolved against the workspace,
 * and the result must stay inside it. The reserved directory {@code perstack} (any case) at the
 * workspace root is refused. An existing path must really (symlinks resolved) be inside; a path
 * that does not exist yet must have its nearest existing ancestor really inside. Unlike core,
 * an existing symlink whose target is outside is refused outright rather than accepted by its
 * unresolved name.
 */
public final class Workspace {
    /** The directory core reserves for the runtime's own files, compared case-insensitively. */
    public static final String RESERVED = "perstack";

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /** A workspace rooted at an existing directory (its real path is kept). */
    public static Workspace at(Path directory) {
        try {
            Path real = directory.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException("workspace is not a directory: " + directory);
            }
            return new Workspace(real);
        } catch (IOException e) {
            throw new UncheckedIOException("workspace directory cannot be opened: " + directory, e);
        }
    }

    /** The workspace's real, absolute path. */
    public Path root() {
        return root;
    }

    /**
     * The absolute path a job means by {@code path}, once the confinement rules allow it.
     *
     * @throws PathRefusedException naming the path and the rule it broke
     */
    public Path resolve(String path) throws PathRefusedException {
        if (path == null || path.isBlank()) {
            throw new PathRefusedException("Path must not be empty");
        }
        if (path.indexOf('\0') >= 0) {
            throw new PathRefusedException("Path must not contain a NUL character");
        }
        String expanded = path;
        if (path.equals("~") || path.startsWith("~/")) {
            expanded = System.getProperty("user.home") + path.substring(1);
        }
        Path candidate;
        try {
            candidate = root.resolve(expanded).normalize();
        } catch (InvalidPathException e) {
            throw new PathRefusedException("Invalid path: " + path);
        }
        if (!candidate.startsWith(root)) {
            throw outside(path);
        }
        if (isReserved(candidate)) {
            throw new PathRefusedException("Access denied - reserved directory: " + path);
        }
        if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
            Path real = realPath(candidate, path);
            if (!real.startsWith(root)) {
                throw outside(path);
            }
            if (isReserved(real)) {
                throw new PathRefusedException("Access denied - reserved directory: " + path);
            }
            return candidate;
        }
        Path ancestor = candidate.getParent();
        while (ancestor != null && !Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            throw new PathRefusedException("Parent directory does not exist: " + path);
        }
        Path realAncestor = realPath(ancestor, path);
        if (!realAncestor.startsWith(root) || isReserved(realAncestor.resolve(ancestor.relativize(candidate)))) {
            throw outside(path);
        }
        if (!Files.isDirectory(realAncestor)) {
            throw new PathRefusedException("Parent is not a directory: " + path);
        }
        return candidate;
    }

    /** The path relative to the workspace root, with {@code /} separators. */
    public String relative(Path absolute) {
        return root.relativize(absolute).toString().replace('\\', '/');
    }

    /** Whether an absolute path is the reserved directory or lies under it. */
    public boolean isReserved(Path absolute) {
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            return false;
        }
        return root.relativize(absolute).getName(0).toString().toLowerCase(Locale.ROOT).equals(RESERVED);
    }

    private Path realPath(Path existing, String asGiven) throws PathRefusedException {
        try {
            return existing.toRealPath();
        } catch (IOException e) {
            // a dangling or looping symlink: its target cannot be checked, so it is refused
            throw outside(asGiven);
        }
    }

    private static PathRefusedException outside(String path) {
        return new PathRefusedException("Access denied - path outside allowed directories: " + path);
    }

    @Override
    public String toString() {
        return "Workspace[" + root + "]";
    }
}
