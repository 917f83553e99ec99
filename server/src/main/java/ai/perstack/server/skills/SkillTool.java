package ai.perstack.server.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool a skill offers, under its raw name (no skill prefix), with its JSON Schema input.
 */
public record SkillTool(String skillName, String name, String description, ObjectNode inputSchema) {
}
