package ai.perstack.server.skills;

import static ai.perstack.server.skills.Skills.args;
import static ai.perstack.server.skills.Skills.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stdio MCP skills against the test server started as a real child process. */
class StdioSkillTest {
    @TempDir
    Path workspace;

    @AfterEach
    void noServerIsLeftRunning() {
        assertThat(Skills.testServers()).as("test servers still running").isZero();
    }

    @Test
    void listsToolsUnderRawNamesFilteredByOmitThenPick() throws Exception {
        var spec = Skills.testServer("t", List.of("echo", "pid", "crash"), List.of("crash"), List.of(), false);
        try (SkillSet set = SkillSet.open(List.of(spec), Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            assertThat(set.tools()).extracting(SkillTool::name).containsExactly("echo", "pid");
            assertThat(set.tools()).allMatch(t -> t.skillName().equals("t"));
            assertThat(set.rules()).containsExactly(new SkillSet.Rule("t", "Use t wisely."));
            assertThat(text(set.call("echo", args("{\"text\":\"hello\"}")))).isEqualTo("hello");
            assertThatThrownBy(() -> set.call("crash", args("{}"))).isInstanceOf(UnknownToolException.class)
                    .hasMessage("Tool crash not found");
        }
    }

    @Test
    void childSeesOnlyTheSafeListAndItsRequiredEnvAndWorksInTheWorkspace() throws Exception {
        var spec = Skills.testServer("t", List.of(), List.of(), List.of("SERVICE_TOKEN"), false);
        Map<String, String> entries = Map.of("SERVICE_TOKEN", "tok-123", "OTHER_SECRET", "not-asked-for",
                "LD_PRELOAD", "/evil.so");
        try (SkillSet set = SkillSet.open(List.of(spec), Skills.runtime(workspace, entries, StdioPolicy.ANY))) {
            JsonNode env = Skills.JSON.readTree(text(set.call("env", args(
                    "{\"names\":[\"SERVICE_TOKEN\",\"OTHER_SECRET\",\"OPENAI_API_KEY\",\"PERSTACK_MASTER_KEY\",\"DATABASE_URL\"]}"))));
            assertThat(env.get("SERVICE_TOKEN").asText()).isEqualTo("tok-123");
            assertThat(env.get("OTHER_SECRET").isNull()).isTrue();
            assertThat(env.get("OPENAI_API_KEY").isNull()).isTrue();
            assertThat(env.get("PERSTACK_MASTER_KEY").isNull()).isTrue();
            assertThat(env.get("DATABASE_URL").isNull()).isTrue();
            List<String> names = Skills.JSON.convertValue(env.get("*"), List.class);
            assertThat(names).isSubsetOf("PATH", "HOME", "SERVICE_TOKEN");
            assertThat(text(set.call("cwd", args("{}")))).isEqualTo(workspace.toRealPath().toString());
        }
    }

    @Test
    void missingRequiredEnvFailsTheStartNamingSkillAndVariable() {
        var spec = Skills.testServer("needs", List.of(), List.of(), List.of("MISSING_TOKEN"), false);
        assertThatThrownBy(() -> SkillSet.open(List.of(spec), Skills.runtime(workspace, Map.of("MISSING_TOKEN", ""),
                StdioPolicy.ANY))).isInstanceOfSatisfying(SkillStartException.class, e -> {
                    assertThat(e.skillName()).isEqualTo("needs");
                    assertThat(e.rule()).isEqualTo("requires environment variable MISSING_TOKEN");
                });
    }

    @Test
    void policyRefusesStdioSkillsBeforeStartingAnything() {
        var spec = Skills.testServer("t");
        assertThatThrownBy(() -> SkillSet.open(List.of(spec), Skills.runtime(workspace, Map.of(), StdioPolicy.NONE)))
                .isInstanceOfSatisfying(SkillStartException.class, e -> {
                    assertThat(e.skillName()).isEqualTo("t");
                    assertThat(e.rule()).contains("not allowed");
                });
        assertThatThrownBy(() -> SkillSet.open(List.of(spec), Skills.runtime(workspace, Map.of(),
                StdioPolicy.only(List.of("npx"))))).isInstanceOfSatisfying(SkillStartException.class,
                e -> assertThat(e.rule()).contains("is not allowed on this server (allowed: npx)"));
    }

    @Test
    void aCommandThatDoesNotExistFailsTheStart() {
        var spec = new StdioSkillSpec("ghost", null, null, "/nonexistent/mcp-server", null, List.of("x"), null, null,
                null, false);
        assertThatThrownBy(() -> SkillSet.open(List.of(spec), Skills.runtime(workspace, Map.of(), StdioPolicy.ANY)))
                .isInstanceOfSatisfying(SkillStartException.class, e -> {
                    assertThat(e.skillName()).isEqualTo("ghost");
                    assertThat(e.rule()).contains("cannot connect").contains("/nonexistent/mcp-server");
                });
    }

    @Test
    void callsOfOneStepRunInParallel() throws Exception {
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            var call = new SkillSet.Call("barrier", args("{\"n\":3}"));
            List<ToolResult> results = set.callAll(List.of(call, call, call));
            assertThat(results).extracting(Skills::text).containsExactly("met", "met", "met");
        }
    }

    @Test
    void resultsMapToCorePartsAndErrorsBecomeErrorText() throws Exception {
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            ToolResult image = set.call("image", args("{}"));
            assertThat(image.parts()).containsExactly(new ResultPart.ImageInline("iVBORw0KGgo=", "image/png"),
                    new ResultPart.Text("an image"));
            assertThat(text(set.call("nothing", args("{\"a\":1}"))))
                    .isEqualTo("Tool nothing returned nothing with arguments: {\"a\":1}");
            assertThat(text(set.call("fail", args("{}")))).startsWith("Error calling tool fail: ");
            assertThat(text(set.call("noisy", args("{}")))).isEqualTo("answered");
        }
    }

    @Test
    void aCrashGivesAnErrorResultAndTheNextCallStartsTheSkillAgain() throws Exception {
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            String first = text(set.call("pid", args("{}")));
            assertThat(text(set.call("crash", args("{}")))).startsWith("Error calling tool crash: ")
                    .contains("exited with code 3").contains("crashing on purpose");
            String second = text(set.call("pid", args("{}")));
            assertThat(second).isNotEqualTo(first);
            assertThat(ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aHangTimesOutAsAnErrorResultAndTheSkillIsRestarted() throws Exception {
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            String first = text(set.call("pid", args("{}")));
            assertThat(text(set.call("sleep", args("{\"ms\":600000}")))).startsWith("Error calling tool sleep: ")
                    .contains("no answer within 8 s");
            assertThat(text(set.call("echo", args("{\"text\":\"back\"}")))).isEqualTo("back");
            assertThat(text(set.call("pid", args("{}")))).isNotEqualTo(first);
        }
    }

    @Test
    void aFloodIsCutOffAsAnErrorResult() throws Exception {
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            assertThat(text(set.call("flood", args("{\"bytes\":1000}")))).hasSize(1000);
            assertThat(text(set.call("flood", args("{\"bytes\":5000000}")))).startsWith("Error calling tool flood: ")
                    .contains("larger than 65536 bytes");
            assertThat(text(set.call("echo", args("{\"text\":\"still here\"}")))).isEqualTo("still here");
        }
    }

    @Test
    void brokenJsonRpcEndsInAnErrorResultNotAStuckCall() throws Exception {
        try (SkillSet set = SkillSet.open(List.of(Skills.testServer("t")),
                Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            assertThat(text(set.call("garbage", args("{}")))).startsWith("Error calling tool garbage: ");
            assertThat(text(set.call("echo", args("{\"text\":\"ok\"}")))).isEqualTo("ok");
        }
    }

    @Test
    void closeEndsTheServerAndEveryProcessItStartedAndARunningCall() throws Exception {
        SkillSet set = SkillSet.open(List.of(Skills.testServer("t")), Skills.runtime(workspace, Map.of(), StdioPolicy.ANY));
        long server = Long.parseLong(text(set.call("pid", args("{}"))));
        long grandchild = Long.parseLong(text(set.call("spawn", args("{}"))));
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive)).contains(true);
        var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return text(set.call("sleep", args("{\"ms\":600000}")));
            } catch (Exception e) {
                return e.toString();
            }
        });
        while (!ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.onSpinWait();
        }
        set.close();
        assertThat(running.get(30, java.util.concurrent.TimeUnit.SECONDS)).startsWith("Error calling tool sleep: ");
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void lazyInitSkillsConnectInTheBackgroundAndAreAwaitedAtFirstListing() throws Exception {
        var lazy = Skills.testServer("lazy", List.of("echo"), List.of(), List.of(), true);
        var eager = Skills.testServer("eager", List.of("pid"), List.of(), List.of(), false);
        try (SkillSet set = SkillSet.open(List.of(lazy, eager), Skills.runtime(workspace, Map.of(), StdioPolicy.ANY))) {
            assertThat(set.tools()).extracting(SkillTool::name).containsExactly("echo", "pid");
            assertThat(set.find("echo")).get().extracting(SkillTool::skillName).isEqualTo("lazy");
        }
    }
}
