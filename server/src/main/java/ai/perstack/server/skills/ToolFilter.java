package ai.perstack.server.skills;

import java.util.List;

/** Core's {@code pick}/{@code omit}: drop omitted names (when any), then keep picked ones (when any). */
final class ToolFilter {
    private ToolFilter() {
    }

    static List<SkillTool> apply(List<SkillTool> tools, List<String> pick, List<String> omit) {
        return tools.stream().filter(t -> omit.isEmpty() || !omit.contains(t.name()))
                .filter(t -> pick.isEmpty() || pick.contains(t.name())).toList();
    }
}
