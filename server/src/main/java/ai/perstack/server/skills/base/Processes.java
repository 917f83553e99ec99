package ai.perstack.server.skills.base;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ending a child process and all it started, so none is left behind. */
public final class Processes {
    private Processes() {
    }

    /**
     * Ends the process and its descendants: a polite signal first, then, after a short grace,
     * a forced kill of whatever is still alive. Returns once the process itself has exited.
     */
    public static void destroyTree(Process process) {
        destroyTree(process.toHandle(), 2_000);
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The same for a process handle, waiting up to {@code graceMillis} before killing, and then up
     * to 2 s for the killed ones to be gone.
     */
    public static void destroyTree(ProcessHandle root, long graceMillis) {
        // descendants are collected before the root goes, while they can still be found
        List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            if (left > 0 && p.isAlive()) {
                try {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // still alive: killed below
                }
            }
        }
        List<ProcessHandle> killed = all.stream().filter(ProcessHandle::isAlive).toList();
        killed.forEach(ProcessHandle::destroyForcibly);
        // a kill is delivered at once but the exit is seen a moment later: callers count on it being over
        for (ProcessHandle p : killed) {
            try {
                p.onExit().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // not gone within 2 s of SIGKILL: nothing more can be done from here
            }
        }
    }
}
