package ai.perstack.server.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One running skill: its tools (already filtered) and calls to them. */
interface SkillSession extends AutoCloseable {
    String name();

    /** The tools; waits for a lazily started skill to finish connecting. */
    List<SkillTool> tools() throws SkillStartException;

    /** Calls a tool; a failure the model should see comes back as a result, not an exception. */
    ToolResult call(String tool, ObjectNode args);

    @Override
    void close();
}
