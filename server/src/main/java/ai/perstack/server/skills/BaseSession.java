package ai.perstack.server.skills;

import ai.perstack.server.skills.base.BaseSkill;
import ai.perstack.server.workspaces.PathRefusedException;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The built-in base skill as a session. As core's runtime does, the results of
 * {@code readImageFile} and {@code readPdfFile} are swapped for the file itself, inline.
 */
final class BaseSession implements SkillSession {
    private final StdioSkillSpec spec;
    private final BaseSkill skill;
    private final Workspace workspace;
    private final List<SkillTool> tools;

    BaseSession(StdioSkillSpec spec, BaseSkill skill, Workspace workspace) {
        this.spec = spec;
        this.skill = skill;
        this.workspace = workspace;
        this.tools = ToolFilter.apply(skill.tools().stream()
                .map(d -> new SkillTool(spec.name(), d.name(), d.description(), d.inputSchema())).toList(),
                spec.pick(), spec.omit());
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public List<SkillTool> tools() {
        return tools;
    }

    @Override
    public ToolResult call(String tool, ObjectNode args) {
        String json = skill.call(tool, args);
        ResultPart part = new ResultPart.Text(json);
        if (tool.equals("readImageFile") || tool.equals("readPdfFile")) {
            part = inline(json, tool.equals("readPdfFile"));
        }
        return new ToolResult(spec.name(), tool, List.of(part));
    }

    private ResultPart inline(String json, boolean pdf) {
        JsonNode result;
        try {
            result = McpSession.JSON.readTree(json);
        } catch (IOException e) {
            return new ResultPart.Text(json);
        }
        if (result.has("error") || !result.has("path")) {
            return new ResultPart.Text(json);
        }
        String path = result.get("path").asText();
        try {
            Path file = workspace.resolve(path);
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            String mimeType = result.path("mimeType").asText();
            return pdf ? new ResultPart.FileInline(data, mimeType) : new ResultPart.ImageInline(data, mimeType);
        } catch (IOException | PathRefusedException e) {
            return new ResultPart.Text("Failed to read file " + path + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        skill.close();
    }
}
