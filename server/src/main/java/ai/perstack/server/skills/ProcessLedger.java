package ai.perstack.server.skills;

import ai.perstack.server.skills.base.Processes;
import ai.perstack.server.workspaces.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The skill processes a job's workspace has seen start, in {@code perstack/processes} (the
 * reserved directory, which the job cannot touch). A server killed with SIGKILL cannot end its
 * children, and a skill that ignores the end of its stdin outlives it; when the job's skills are
 * opened again, every listed process whose owner (the server process that started it) is gone
 * is ended first. Each line is {@code ownerPid ownerStart pid start} (start = epoch ms), so a
 * recycled pid is never taken for a listed process.
 */
final class ProcessLedger {
    private static final long SELF = ProcessHandle.current().pid();
    private static final long SELF_START = startOf(ProcessHandle.current());

    private final Path file;

    ProcessLedger(Workspace workspace) {
        this.file = workspace.root().resolve(Workspace.RESERVED).resolve("processes");
    }

    /** Notes a process this server started. */
    synchronized void add(Process process) {
        write(List.of(line(SELF, SELF_START, process.pid(), startOf(process.toHandle()))), true);
    }

    /** Forgets a process that has been ended. */
    synchronized void remove(Process process) {
        String gone = line(SELF, SELF_START, process.pid(), startOf(process.toHandle()));
        write(read().stream().filter(l -> !l.equals(gone)).toList(), false);
    }

    /** Ends every listed process whose owner is no longer running; returns how many were ended. */
    synchronized int reapOrphans() {
        List<String> keep = new ArrayList<>();
        int ended = 0;
        for (String line : read()) {
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
                ended++;
            }
        }
        write(keep, false);
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

    private List<String> read() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void write(List<String> lines, boolean append) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            // the ledger only helps clean up after a crash; a job runs without it
        }
    }
}
