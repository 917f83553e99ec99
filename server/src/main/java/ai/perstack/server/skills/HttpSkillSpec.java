package ai.perstack.server.skills;

import java.util.List;

/**
 * An {@code mcpSseSkill}: an MCP server at {@code endpoint}, reached over streamable HTTP, or
 * over the older SSE transport when the server does not speak streamable HTTP.
 */
public record HttpSkillSpec(String name, String description, String rule, String endpoint, List<String> pick,
                            List<String> omit) implements SkillSpec {
    public HttpSkillSpec {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("skill name must not be empty");
        }
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("skill " + name + ": endpoint must not be empty");
        }
        pick = pick == null ? List.of() : List.copyOf(pick);
        omit = omit == null ? List.of() : List.copyOf(omit);
    }
}
