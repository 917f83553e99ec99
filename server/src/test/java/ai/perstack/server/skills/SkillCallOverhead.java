package ai.perstack.server.skills;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures what one MCP tool call over stdio costs a step: the median and 90th percentile of
 * {@link SkillSet#call} against the test server's {@code echo}, after a warm-up. Run by hand:
 * {@code java -cp <test classpath> ai.perstack.server.skills.SkillCallOverhead [calls]}.
 */
public final class SkillCallOverhead {
    private SkillCallOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path workspace = Files.createTempDirectory("overhead");
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            var echo = Skills.args("{\"text\":\"ping\"}");
            for (int i = 0; i < 200; i++) {
                set.call("echo", echo);
            }
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                set.call("echo", echo);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("stdio echo, %d calls: median %.3f ms, p90 %.3f ms%n", calls,
                    nanos[calls / 2] / 1e6, nanos[calls * 9 / 10] / 1e6);
        }
    }
}
