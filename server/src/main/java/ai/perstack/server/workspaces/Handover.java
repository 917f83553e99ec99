package ai.perstack.server.workspaces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staged uploads moved into a workspace, undoable until committed: each move is a rename, a file
 * it replaces is first renamed aside, and {@link #undo} puts everything back in reverse order.
 */
public final class Handover {
    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);

    private record Move(Path from, Path to, Path aside) {
    }

    private final Workspace target;
    private final Deque<Move> moves = new ArrayDeque<>();

    Handover(Workspace target) {
        this.target = target;
    }

    /** The workspace the files went to. */
    public Workspace target() {
        return target;
    }

    /** Renames {@code from} to {@code to}; false when {@code from} is gone (taken by someone else). */
    boolean move(Path from, Path to) throws IOException {
        Path aside = null;
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            aside = to.resolveSibling(".upload-aside-" + java.util.UUID.randomUUID());
            Files.move(to, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            if (aside != null) {
                Files.move(aside, to, StandardCopyOption.ATOMIC_MOVE);
            }
            return false;
        }
        moves.push(new Move(from, to, aside));
        return true;
    }

    /** The job is stored: files that were replaced are deleted. */
    public void commit() {
        for (Move m : moves) {
            if (m.aside() != null) {
                try {
                    Files.deleteIfExists(m.aside());
                } catch (IOException e) {
                    LOG.warn("could not delete the replaced file {}: {}", m.aside(), e.toString());
                }
            }
        }
        moves.clear();
    }

    /** Storing the job failed: every upload goes back to staging, every replaced file back in place. */
    public void undo() {
        while (!moves.isEmpty()) {
            Move m = moves.pop();
            try {
                Files.move(m.to(), m.from(), StandardCopyOption.ATOMIC_MOVE);
                if (m.aside() != null) {
                    Files.move(m.aside(), m.to(), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                LOG.warn("could not move {} back to {}: {}", m.to(), m.from(), e.toString());
            }
        }
    }
}
