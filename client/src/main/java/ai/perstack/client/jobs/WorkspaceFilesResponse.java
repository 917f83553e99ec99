package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The files of a job's workspace: {@code {"data": {"files": [...]}, "meta": {"total": n}}}.
 *
 * @param files the files, sorted by path
 * @param json  the whole body as received
 */
public record WorkspaceFilesResponse(List<WorkspaceFile> files, JsonNode json) {
    /**
     * Reads it.
     *
     * @param in the JSON object to read
     * @return the {@code WorkspaceFilesResponse} read from {@code in}
     */
    static WorkspaceFilesResponse read(JsonIn in) {
        return new WorkspaceFilesResponse(in.object("data").list("files", WorkspaceFile::read), in.node());
    }
}
