package ai.perstack.server.skills;

import java.util.List;

/**
 * One skill of an expert definition that runs tools: an MCP server reached over stdio or
 * HTTP. Interactive skills and delegates are the job loop's business, not this room's.
 */
public sealed interface SkillSpec permits StdioSkillSpec, HttpSkillSpec {
    /** The skill's key under {@code skills}. */
    String name();

    /** Text for the system prompt, or null. */
    String rule();

    /** Tool names to drop (applied first, when non-empty). */
    List<String> omit();

    /** Tool names to keep (applied after omit, when non-empty). */
    List<String> pick();
}
