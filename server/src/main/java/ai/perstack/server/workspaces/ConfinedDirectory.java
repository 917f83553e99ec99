package ai.perstack.server.workspaces;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory holding a name's last segment, opened from the workspace root one segment at a
 * time without following any symbolic link (as {@code openat} with {@code O_NOFOLLOW} does).
 * What is then read, written or renamed in it stays in that directory even if a job turns one of
 * its ancestors into a link meanwhile.
 */
final class ConfinedDirectory implements Closeable {
    private final List<DirectoryStream<Path>> chain;
    private final SecureDirectoryStream<Path> dir;
    private final Path last;

    private ConfinedDirectory(List<DirectoryStream<Path>> chain, SecureDirectoryStream<Path> dir, Path last) {
        this.chain = chain;
        this.dir = dir;
        this.last = last;
    }

    /**
     * Opens the parent directory of {@code name} (a name {@link WorkspaceFiles#nameProblem} accepts);
     * null when the file system offers no relative opening ({@link SecureDirectoryStream}).
     *
     * @throws PathRefusedException when a directory on the way is a link, missing or not a directory
     */
    static ConfinedDirectory parentOf(Workspace workspace, String name) throws PathRefusedException, IOException {
        String[] segments = name.split("/");
        List<DirectoryStream<Path>> chain = new ArrayList<>();
        boolean done = false;
        try {
            DirectoryStream<Path> root = Files.newDirectoryStream(workspace.root());
            chain.add(root);
            if (!(root instanceof SecureDirectoryStream<Path> secure)) {
                return null;
            }
            for (int i = 0; i < segments.length - 1; i++) {
                secure = secure.newDirectoryStream(Path.of(segments[i]), LinkOption.NOFOLLOW_LINKS);
                chain.add(secure);
            }
            done = true;
            return new ConfinedDirectory(chain, secure, Path.of(segments[segments.length - 1]));
        } catch (FileSystemException e) {
            // missing, a link (ELOOP) or a file where a directory should be
            throw new PathRefusedException("no such directory, or it is a link: " + name);
        } finally {
            if (!done) {
                closeAll(chain);
            }
        }
    }

    /** The directory, opened without following links. */
    SecureDirectoryStream<Path> dir() {
        return dir;
    }

    /** The name's last segment, relative to {@link #dir}. */
    Path last() {
        return last;
    }

    @Override
    public void close() throws IOException {
        closeAll(chain);
    }

    private static void closeAll(List<DirectoryStream<Path>> chain) throws IOException {
        for (DirectoryStream<Path> d : chain) {
            d.close();
        }
    }
}
