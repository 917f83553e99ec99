package ai.perstack.server.skills;

import ai.perstack.server.skills.base.TodoStore;
import ai.perstack.server.workspaces.Workspace;
import java.util.Map;

/**
 * What a job hands its skills: the workspace (their working directory), the organization's
 * variables and secrets (only names a skill lists in {@code requiredEnv} reach it), the
 * server's own environment (only core's safe names reach a child), the job's todo list, the
 * operator's policy and the limits.
 *
 * @param allowLoopbackHttp lets an {@code mcpSseSkill} use plain http on a loopback host, for
 *                          local development (core allows only public https endpoints)
 */
public record SkillRuntime(Workspace workspace, Map<String, String> entries, Map<String, String> hostEnv,
                           TodoStore todos, StdioPolicy policy, SkillLimits limits, boolean allowLoopbackHttp,
                           SkillEvents events) {
    public SkillRuntime {
        entries = Map.copyOf(entries);
        hostEnv = Map.copyOf(hostEnv);
        events = events == null ? SkillEvents.NONE : events;
    }
}
