package ai.perstack.server.workspaces;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * A workspace file opened for reading by walking its name segment by segment from the workspace
 * root without following any symbolic link (each directory opened relative to the one before,
 * as {@code openat} with {@code O_NOFOLLOW} does). A job cannot make the read leave the
 * workspace, neither with a link in place beforehand nor by turning a checked directory into a
 * link while the request runs.
 *
 * @param channel the open file, positioned at its start; the caller closes it
 * @param size    its size when opened
 */
public record OpenedFile(SeekableByteChannel channel, long size) implements Closeable {

    /**
     * Opens the regular file {@code name} (a name {@link WorkspaceFiles#nameProblem} accepts).
     *
     * @throws PathRefusedException when a segment is a link, a directory is missing, or the last
     *                              segment is not a regular file
     */
    static OpenedFile open(Workspace workspace, String name) throws PathRefusedException, IOException {
        ConfinedDirectory parent;
        try {
            parent = ConfinedDirectory.parentOf(workspace, name);
        } catch (PathRefusedException e) {
            throw noSuchFile(name);
        }
        if (parent == null) {
            return openByPath(workspace, name);
        }
        try (parent) {
            BasicFileAttributes attrs = parent.dir().getFileAttributeView(parent.last(), BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (!attrs.isRegularFile()) {
                throw noSuchFile(name);
            }
            SeekableByteChannel channel = parent.dir().newByteChannel(parent.last(),
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            return new OpenedFile(channel, channel.size());
        } catch (FileSystemException e) {
            // gone, or turned into a link (ELOOP) since it was looked at
            throw noSuchFile(name);
        }
    }

    /**
     * Where the file system offers no relative opening: every segment is checked not to be a
     * link before the file is opened without following a final link (a race remains).
     */
    private static OpenedFile openByPath(Workspace workspace, String name) throws PathRefusedException, IOException {
        Path at = workspace.root();
        for (String segment : name.split("/")) {
            at = at.resolve(segment);
            if (Files.isSymbolicLink(at)) {
                throw noSuchFile(name);
            }
        }
        if (!Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS)) {
            throw noSuchFile(name);
        }
        SeekableByteChannel channel = Files.newByteChannel(at, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        return new OpenedFile(channel, channel.size());
    }

    private static PathRefusedException noSuchFile(String name) {
        return new PathRefusedException("no such file: " + name);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
