package ai.perstack.server.skills;

import static ai.perstack.server.skills.Skills.args;
import static ai.perstack.server.skills.Skills.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default base skill is served in-process, with no Node and no process, whatever the policy. */
class BuiltinBaseSkillTest {
    @TempDir
    Path workspace;

    @Test
    void coresDefaultBaseEntriesAreBuiltInAndPinnedOnesAreNot() {
        assertThat(StdioSkillSpec.defaultBase().isBuiltinBase()).isTrue();
        assertThat(new StdioSkillSpec("@perstack/base", null, null, "npx", "@perstack/base", List.of(), null, null,
                null, false).isBuiltinBase()).isTrue();
        assertThat(new StdioSkillSpec("@perstack/base", null, null, "npx", "@perstack/base@0.0.30", List.of(), null,
                null, null, false).isBuiltinBase()).isFalse();
        assertThat(new StdioSkillSpec("@perstack/base", null, null, "npx", null, List.of("-y", "@perstack/base@1.2.3"),
                null, null, null, false).isBuiltinBase()).isFalse();
        assertThat(new StdioSkillSpec("mybase", null, null, "npx", "@perstack/base", List.of(), null, null, null, false)
                .isBuiltinBase()).isFalse();
        assertThat(new StdioSkillSpec("x", null, null, "npx", "pkg", List.of(), null, null, null, false).argv())
                .containsExactly("-y", "pkg");
        assertThat(new StdioSkillSpec("x", null, null, "uvx", "pkg", List.of(), null, null, null, false).argv())
                .containsExactly("pkg");
    }

    @Test
    void baseToolsRunInTheWorkspaceFilteredWithImagesInlined() throws Exception {
        var base = new StdioSkillSpec("@perstack/base", null, "Keep files tidy.", "npx", "@perstack/base", List.of(),
                List.of(), List.of("exec"), List.of("IGNORED_FOR_BASE"), false);
        long before = ProcessHandle.current().descendants().count();
        try (SkillSet set = SkillSet.open(List.of(base), Skills.runtime(workspace, Map.of(), StdioPolicy.NONE))) {
            assertThat(set.tools()).hasSize(16).extracting(SkillTool::name).doesNotContain("exec");
            assertThat(set.tools()).allMatch(t -> t.skillName().equals("@perstack/base"));
            assertThat(ProcessHandle.current().descendants().count()).isEqualTo(before);
            set.call("writeTextFile", args("{\"path\":\"out/r.txt\",\"text\":\"done\"}"));
            assertThat(Files.readString(workspace.resolve("out/r.txt"))).isEqualTo("done");
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10};
            Files.write(workspace.resolve("pic.png"), png);
            assertThat(set.call("readImageFile", args("{\"path\":\"pic.png\"}")).parts()).containsExactly(
                    new ResultPart.ImageInline(Base64.getEncoder().encodeToString(png), "image/png"));
            assertThat(text(set.call("readImageFile", args("{\"path\":\"nope.png\"}")))).contains("\"error\"");
            assertThat(set.rules()).containsExactly(new SkillSet.Rule("@perstack/base", "Keep files tidy."));
        }
    }
}
