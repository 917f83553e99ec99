package ai.perstack.server.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import ai.perstack.server.workspaces.Workspaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL cannot end its skills; the test server ignores the end of its
 * stdin, so it outlives its parent. Opening the job's skills again ends it first.
 */
class OrphanReapTest {
    @TempDir
    Path workspace;

    /** Opens the test server as a skill of {@code args[0]}, prints its pid, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(Path.of(args[0]), Map.of(), StdioPolicy.ANY));
        System.out.println("pid " + set.call("pid", Skills.args("{}")).firstText());
        System.out.flush();
        Thread.sleep(600_000);
    }

    @Test
    void skillsLeftByAKilledServerAreEndedWhenTheJobsSkillsOpenAgain() throws Exception {
        ProcessHandle left = orphanIn(workspace);
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            assertThat(left.isAlive()).isFalse();
            assertThat(set.call("echo", Skills.args("{\"text\":\"again\"}")).firstText()).isEqualTo("again");
        }
    }

    @Test
    void theSweepAtStartEndsOrphansOfJobsThatAreNeverResumedAndSparesLiveSkills(@TempDir Path root) throws Exception {
        Workspaces workspaces = new Workspaces(root);
        ProcessHandle left = orphanIn(workspaces.forJob("job-killed").root());
        try (SkillSet live = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspaces.forJob("job-running").root(), Map.of(), StdioPolicy.ANY))) {
            long livePid = Long.parseLong(live.call("pid", Skills.args("{}")).firstText());
            assertThat(ProcessLedger.reapAll(workspaces)).isEqualTo(1);
            assertThat(left.isAlive()).as("the killed server's skill").isFalse();
            assertThat(ProcessHandle.of(livePid).map(ProcessHandle::isAlive)).as("this server's running skill")
                    .contains(true);
            assertThat(ProcessLedger.reapAll(workspaces)).as("a second sweep finds nothing").isZero();
        }
    }

    /** Starts a server process that opens the test server as a skill in {@code dir}, kills it, and returns the skill left behind. */
    private static ProcessHandle orphanIn(Path dir) throws Exception {
        Process server = new ProcessBuilder(Skills.java(), "-cp", System.getProperty("java.class.path"),
                OrphanReapTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
        long orphan;
        try (var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("pid "));
            assertThat(line).as("the helper's output").isNotNull();
            orphan = Long.parseLong(line.substring(4).trim());
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }
        ProcessHandle left = ProcessHandle.of(orphan).orElseThrow();
        assertThat(left.isAlive()).as("the skill outlived its killed server").isTrue();
        return left;
    }
}
