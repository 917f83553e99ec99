package ai.perstack.server.skills;

import static ai.perstack.server.skills.Skills.args;
import static ai.perstack.server.skills.Skills.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.perstack.server.skills.base.TodoStore;
import ai.perstack.server.workspaces.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mcpSseSkill over streamable HTTP and SSE, against the test server on 127.0.0.1. */
class HttpSkillTest {
    @TempDir
    Path workspace;

    private SkillRuntime runtime(boolean allowLoopback) {
        return new SkillRuntime(Workspace.at(workspace), Map.of(), Skills.hostEnv(), TodoStore.inMemory(),
                StdioPolicy.NONE, Skills.LIMITS, allowLoopback, SkillEvents.NONE);
    }

    @Test
    void streamableHttpServerListsAndAnswersAndRunsCallsInParallel() throws Exception {
        try (var server = TestMcpServer.http();
             SkillSet set = SkillSet.open(List.of(new HttpSkillSpec("remote", null, "Be remote.", server.url(),
                     List.of(), List.of("crash"))), runtime(true))) {
            assertThat(set.tools()).extracting(SkillTool::name).contains("echo", "barrier").doesNotContain("crash");
            assertThat(text(set.call("echo", args("{\"text\":\"over http\"}")))).isEqualTo("over http");
            var call = new SkillSet.Call("barrier", args("{\"n\":2}"));
            assertThat(set.callAll(List.of(call, call))).extracting(Skills::text).containsExactly("met", "met");
            assertThat(set.rules()).containsExactly(new SkillSet.Rule("remote", "Be remote."));
        }
    }

    @Test
    void sseOnlyServerIsReachedThroughTheFallback() throws Exception {
        try (var server = TestMcpServer.sse();
             SkillSet set = SkillSet.open(List.of(new HttpSkillSpec("old", null, null, server.url(), List.of("echo"),
                     List.of())), runtime(true))) {
            assertThat(set.tools()).extracting(SkillTool::name).containsExactly("echo");
            assertThat(text(set.call("echo", args("{\"text\":\"over sse\"}")))).isEqualTo("over sse");
        }
    }

    @Test
    void loopbackHttpIsRefusedWithoutTheOperatorFlag() throws Exception {
        try (var server = TestMcpServer.http()) {
            assertThatThrownBy(() -> SkillSet.open(List.of(new HttpSkillSpec("remote", null, null, server.url(),
                    List.of(), List.of())), runtime(false))).isInstanceOfSatisfying(SkillStartException.class, e -> {
                        assertThat(e.skillName()).isEqualTo("remote");
                        assertThat(e.rule()).startsWith("Endpoint must be a public HTTPS URL");
                    });
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerFailsTheStartNamingTheSkill() {
        assertThatThrownBy(() -> SkillSet.open(List.of(new HttpSkillSpec("gone", null, null,
                "http://127.0.0.1:9/mcp", List.of(), List.of())), runtime(true)))
                .isInstanceOfSatisfying(SkillStartException.class, e -> {
                    assertThat(e.skillName()).isEqualTo("gone");
                    assertThat(e.rule()).startsWith("cannot connect");
                });
    }
}
