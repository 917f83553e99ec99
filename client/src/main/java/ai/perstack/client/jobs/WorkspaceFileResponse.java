package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored workspace file: {@code {"data": {"file": {...}}}}.
 *
 * @param file the file as stored
 * @param json the whole body as received
 */
public record WorkspaceFileResponse(WorkspaceFile file, JsonNode json) {
    /**
     * Reads it.
     *
     * @param in the JSON object to read
     * @return the {@code WorkspaceFileResponse} read from {@code in}
     */
    static WorkspaceFileResponse read(JsonIn in) {
        return new WorkspaceFileResponse(in.object("data").object("file", WorkspaceFile::read), in.node());
    }
}
