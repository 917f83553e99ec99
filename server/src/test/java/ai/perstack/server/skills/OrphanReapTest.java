package ai.perstack.server.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
        Process server = new ProcessBuilder(Skills.java(), "-cp", System.getProperty("java.class.path"),
                OrphanReapTest.class.getName(), workspace.toString()).redirectErrorStream(true).start();
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
        }
        ProcessHandle left = ProcessHandle.of(orphan).orElseThrow();
        assertThat(left.isAlive()).as("the skill outlived its killed server").isTrue();
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            assertThat(left.isAlive()).isFalse();
            assertThat(set.call("echo", Skills.args("{\"text\":\"again\"}")).firstText()).isEqualTo("again");
        }
    }
}
