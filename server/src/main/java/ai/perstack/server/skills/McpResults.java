package ai.perstack.server.skills;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/** Core's mapping of an MCP tool result to message parts (§2); {@code isError} is ignored as core does. */
final class McpResults {
    private McpResults() {
    }

    static List<ResultPart> parts(String tool, String argsJson, McpSchema.CallToolResult result) {
        List<ResultPart> parts = new ArrayList<>();
        List<McpSchema.Content> content = result.content() == null ? List.of() : result.content();
        for (McpSchema.Content item : content) {
            if (item instanceof McpSchema.TextContent text) {
                parts.add(new ResultPart.Text(text.text() == null || text.text().isEmpty() ? "Error: No content"
                        : text.text()));
            } else if (item instanceof McpSchema.ImageContent image) {
                parts.add(new ResultPart.ImageInline(image.data(), image.mimeType()));
            } else if (item instanceof McpSchema.EmbeddedResource embedded) {
                McpSchema.ResourceContents resource = embedded.resource();
                if (resource instanceof McpSchema.TextResourceContents text) {
                    parts.add(new ResultPart.Text(text.text()));
                } else if (resource instanceof McpSchema.BlobResourceContents blob) {
                    if (blob.mimeType() == null || blob.mimeType().isEmpty()) {
                        parts.add(new ResultPart.Text("Error calling tool " + tool
                                + ": the resource " + blob.uri() + " has no mimeType"));
                    } else {
                        parts.add(new ResultPart.FileInline(blob.blob(), blob.mimeType()));
                    }
                }
            }
            // audio and resource links are dropped, as core drops them
        }
        if (parts.isEmpty()) {
            parts.add(new ResultPart.Text("Tool " + tool + " returned nothing with arguments: " + argsJson));
        }
        return parts;
    }

    static ToolResult error(String skill, String tool, String message) {
        return new ToolResult(skill, tool, List.of(new ResultPart.Text("Error calling tool " + tool + ": " + message)));
    }
}
