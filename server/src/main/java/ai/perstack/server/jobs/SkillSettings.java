package ai.perstack.server.jobs;

import ai.perstack.server.skills.SkillLimits;
import ai.perstack.server.skills.StdioPolicy;
import java.nio.file.Path;
import java.util.Map;

/**
 * How this process runs jobs' skills: where workspaces live, which stdio skills may start,
 * whether MCP endpoints may be plain http on a loopback host, the skills' limits, and the
 * server's environment (only core's safe names reach a skill process).
 */
public record SkillSettings(Path workspacesDir, StdioPolicy stdioPolicy, boolean allowLoopbackHttp,
                            SkillLimits limits, Map<String, String> hostEnv) {
    public SkillSettings {
        hostEnv = Map.copyOf(hostEnv);
    }

    /** Workspaces under {@code workspacesDir}, this process's environment, the default limits. */
    public static SkillSettings of(Path workspacesDir, StdioPolicy stdioPolicy, boolean allowLoopbackHttp) {
        return new SkillSettings(workspacesDir, stdioPolicy, allowLoopbackHttp, SkillLimits.DEFAULT, System.getenv());
    }
}
