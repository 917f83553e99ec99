package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of a tool call that is held until the step's other calls are done (core's
 * {@code partialToolResults}): a skill's result beside delegates or interactive calls.
 *
 * @param id        the call id
 * @param skillName the skill
 * @param toolName  the tool
 * @param result    the result's message parts ({@code textPart}, {@code imageInlinePart}, {@code fileInlinePart}), as received
 */
public record ToolResult(String id, String skillName, String toolName, JsonNode result) {

    static ToolResult read(JsonIn in) {
        return new ToolResult(in.string("id"), in.string("skillName"), in.string("toolName"), in.any("result"));
    }
}
