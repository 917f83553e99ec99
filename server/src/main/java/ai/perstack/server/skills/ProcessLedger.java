package ai.perstack.server.skills;

import ai.perstack.server.skills.base.Processes;
import ai.perstack.server.workspaces.Workspace;
import ai.perstack.server.workspaces.Workspaces;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The skill processes a job's workspace has seen start, in {@code perstack/processes} (the
 * reserved directory, which the job cannot touch). A server killed with SIGKILL cannot end its
 * children, and a skill that ignores the end of its stdin outlives it; when the job's skills are
 * opened again, every listed process whose owner (the server process that started it) is gone
 * is ended first. Each line is {@code ownerPid ownerStart pid start} (start = epoch ms), so a
 * recycled pid is never taken for a listed process. A job that is never resumed would keep its
 * orphans, so every server also sweeps all ledgers once when its workers start
 * ({@link #reapAll}). Every change of a ledger holds a lock on its file (and, within this JVM,
 * one lock for all ledgers), so a sweep and a job starting its skills — in this process or
 * another one sharing the workspaces — never lose each other's lines.
 */
public final class ProcessLedger {
    private static final long SELF = ProcessHandle.current().pid();
    private static final long SELF_START = startOf(ProcessHandle.current());

    /** File locks are held per JVM, not per thread: one JVM-wide lock orders this process's own changes. */
    private static final Object CHANGES = new Object();

    private final Path file;

    ProcessLedger(Workspace workspace) {
        this.file = workspace.root().resolve(Workspace.RESERVED).resolve("processes");
    }

    /** Notes a process this server started; returns its line, for {@link #remove}. */
    String add(Process process) {
        String added = line(SELF, SELF_START, process.pid(), startOf(process.toHandle()));
        change(lines -> {
            List<String> out = new ArrayList<>(lines);
            out.add(added);
            return out;
        });
        return added;
    }

    /**
     * Forgets a process that has been ended, by the line {@link #add} wrote: once a process has
     * ended its start time can no longer be read, so its line cannot be made again then.
     */
    void remove(String added) {
        change(lines -> lines.stream().filter(l -> !l.equals(added)).toList());
    }

    /** Ends every listed process whose owner is no longer running; returns how many were ended. */
    int reapOrphans() {
        int[] ended = {0};
        change(lines -> {
            List<String> keep = new ArrayList<>();
            for (String line : lines) {
                String[] f = line.trim().split(" ");
                if (f.length != 4) {
                    continue;
                }
                long owner = Long.parseLong(f[0]);
                if (alive(owner, Long.parseLong(f[1]))) {
                    keep.add(line);
                    continue;
                }
                Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(f[2]))
                        .filter(p -> p.isAlive() && startOf(p) == Long.parseLong(f[3]));
                if (orphan.isPresent()) {
                    Processes.destroyTree(orphan.get(), 2_000);
                    ended[0]++;
                }
            }
            return keep;
        });
        return ended[0];
    }

    /**
     * Ends the orphans listed in every workspace under {@code workspaces}: the skill processes of
     * servers that were killed, whatever their jobs do next. Returns how many were ended.
     */
    public static int reapAll(Workspaces workspaces) {
        int ended = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workspaces.root())) {
            for (Path dir : dirs) {
                Path ledger = dir.resolve(Workspace.RESERVED).resolve("processes");
                if (!Files.isSymbolicLink(dir) && Files.isRegularFile(ledger, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(ledger) > 0) {
                    ended += new ProcessLedger(Workspace.at(dir)).reapOrphans();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a sweep only helps; the job's own start reaps its ledger again
        }
        return ended;
    }

    private static boolean alive(long pid, long start) {
        return ProcessHandle.of(pid).filter(p -> p.isAlive() && startOf(p) == start).isPresent();
    }

    private static long startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String line(long owner, long ownerStart, long pid, long start) {
        return owner + " " + ownerStart + " " + pid + " " + start;
    }

    /** Rewrites the ledger with {@code edit} of its lines, under both locks. */
    private void change(UnaryOperator<List<String>> edit) {
        synchronized (CHANGES) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
                    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                        // read the whole (small) ledger
                    }
                    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
                    List<String> out = edit.apply(lines);
                    byte[] bytes = out.isEmpty() ? new byte[0]
                            : (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(bytes), 0);
                }
            } catch (IOException e) {
                // the ledger only helps clean up after a crash; a job runs without it
            }
        }
    }
}
