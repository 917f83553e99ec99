package ai.perstack.server.jobs;

import ai.perstack.server.domain.Validation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rules of a job's {@code files}: a set of names (each once, in the order first given) of at
 * most {@link #MAX} across the start and every continue, so a job's body cannot grow without
 * bound however often it is continued.
 */
final class JobFiles {
    /** The most files a job holds. */
    static final int MAX = 1000;

    private JobFiles() {
    }

    /** Checks the names given in one request: each 1..1024 characters, at most {@link #MAX}. */
    static void checkGiven(Validation v, List<String> files) {
        if (files.size() > MAX) {
            v.fail("files", "a job holds at most " + MAX + " files");
        }
        for (int i = 0; i < files.size() && i < MAX; i++) {
            v.length("files[" + i + "]", files.get(i), 1, 1024);
        }
    }

    /** Checks that the job's stored files with {@code added} stay within {@link #MAX}. */
    static void checkAdded(Validation v, String storedJson, List<String> added) {
        if (added == null || added.isEmpty()) {
            return;
        }
        int total = merge(JobJson.files(storedJson), added).size();
        if (total > MAX) {
            v.fail("files", "a job holds at most " + MAX + " files; with these it would hold " + total);
        }
    }

    /** {@code files} then {@code added}, each name once, in the order first given. */
    static List<String> merge(List<String> files, List<String> added) {
        LinkedHashSet<String> all = new LinkedHashSet<>(files);
        all.addAll(added);
        return new ArrayList<>(all);
    }
}
