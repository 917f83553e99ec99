package ai.perstack.server.skills;

import java.util.List;

/**
 * The outcome of one tool call: which skill answered and the result's message parts. A
 * failure the model should see (a crashed or hung skill, an MCP error) is a result too.
 */
public record ToolResult(String skillName, String toolName, List<ResultPart> parts) {
    public ToolResult {
        parts = List.copyOf(parts);
    }

    /** The first text part's text, or null when there is none. */
    public String firstText() {
        return parts.stream().filter(p -> p instanceof ResultPart.Text).map(p -> ((ResultPart.Text) p).text())
                .findFirst().orElse(null);
    }
}
