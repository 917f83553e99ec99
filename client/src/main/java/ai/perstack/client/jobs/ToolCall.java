package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool call still waiting for its result; answer an interactive one with {@code jobs.continueJob}.
 *
 * @param id        the call id
 * @param skillName the skill
 * @param toolName  the tool
 * @param args      the arguments
 */
public record ToolCall(String id, String skillName, String toolName, JsonNode args) {

    static ToolCall read(JsonIn in) {
        return new ToolCall(in.string("id"), in.string("skillName"), in.string("toolName"), in.any("args"));
    }
}
