package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A tool of the expert's running skills (MCP servers, the built-in base) that a model may call,
 * under its raw name; the runtime runs the call and hands the result to the next step.
 */
public record OfferedTool(String skillName, String name, String description, ObjectNode inputSchema) {

    /** The tools of a step, listed when a provider first asks (skills start then). */
    @FunctionalInterface
    public interface Catalog {
        /** No tools. */
        Catalog NONE = List::of;

        /** @throws ProviderFailure when a skill cannot start (final: the job stops naming the skill) */
        List<OfferedTool> list() throws ProviderFailure;
    }
}
