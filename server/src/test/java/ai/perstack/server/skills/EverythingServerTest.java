package ai.perstack.server.skills;

import static ai.perstack.server.skills.Skills.args;
import static ai.perstack.server.skills.Skills.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party MCP server installed from npm, {@code @modelcontextprotocol/server-everything},
 * run the way core runs {@code packageName} skills ({@code npx -y <package>}). Skipped when
 * {@code npx} is not on the PATH; the first run downloads the package.
 */
class EverythingServerTest {
    private static final String PACKAGE = "@modelcontextprotocol/server-everything";

    @TempDir
    Path workspace;

    private static boolean npxAvailable() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "npx")));
    }

    private static long everythingProcesses() {
        return Skills.running("server-everything");
    }

    @Test
    void runsFromNpmWithItsRequiredEnvOnlyAndLeavesNoProcess() throws Exception {
        assumeTrue(npxAvailable(), "npx is not installed");
        var spec = new StdioSkillSpec("everything", null, "Use the everything server.", "npx", PACKAGE, List.of(),
                List.of(), List.of("toggle-simulated-logging"), List.of("EVERYTHING_TOKEN"), false);
        var limits = new SkillLimits(java.time.Duration.ofSeconds(180), java.time.Duration.ofSeconds(60), 16 << 20);
        var runtime = new SkillRuntime(ai.perstack.server.workspaces.Workspace.at(workspace),
                Map.of("EVERYTHING_TOKEN", "tok-everything", "UNRELATED", "no"), Skills.hostEnv(),
                ai.perstack.server.skills.base.TodoStore.inMemory(), StdioPolicy.only(List.of("npx")), limits, false,
                SkillEvents.NONE);
        try (SkillSet set = SkillSet.open(List.of(StdioSkillSpec.defaultBase(), spec), runtime)) {
            List<String> names = set.tools().stream().map(SkillTool::name).toList();
            assertThat(names).contains("writeTextFile", "echo", "get-sum", "get-env").doesNotContain("toggle-simulated-logging");
            assertThat(names.indexOf("writeTextFile")).isLessThan(names.indexOf("echo"));
            assertThat(text(set.call("echo", args("{\"message\":\"hi\"}")))).isEqualTo("Echo: hi");
            assertThat(text(set.call("get-sum", args("{\"a\":2,\"b\":3}")))).contains("5");
            assertThat(set.call("get-tiny-image", args("{}")).parts()).anyMatch(p -> p instanceof ResultPart.ImageInline);
            JsonNode env = Skills.JSON.readTree(text(set.call("get-env", args("{}"))));
            assertThat(env.path("EVERYTHING_TOKEN").asText()).isEqualTo("tok-everything");
            assertThat(env.has("UNRELATED")).isFalse();
            assertThat(env.has("OPENAI_API_KEY")).isFalse();
            assertThat(env.has("PERSTACK_MASTER_KEY")).isFalse();
            assertThat(env.has("DATABASE_URL")).isFalse();
            assertThat(everythingProcesses()).isPositive();
        }
        assertThat(everythingProcesses()).isZero();
    }
}
