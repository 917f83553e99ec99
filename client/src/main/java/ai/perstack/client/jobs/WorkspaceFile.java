package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import java.time.Instant;

/**
 * A regular file in a job's workspace (local-platform extension).
 *
 * @param path     relative to the workspace, {@code /}-separated
 * @param size     bytes
 * @param modified when it was last written
 */
public record WorkspaceFile(String path, long size, Instant modified) {
    /**
     * Reads it.
     *
     * @param in the JSON object to read
     * @return the {@code WorkspaceFile} read from {@code in}
     */
    static WorkspaceFile read(JsonIn in) {
        return new WorkspaceFile(in.string("path"), in.integer("size"), in.instant("modified"));
    }
}
