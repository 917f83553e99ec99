package ai.perstack.client.jobs;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One entry of {@code uploads} on start or continue (local-platform extension): the staged
 * upload {@code uploadId} is moved into the job's workspace at {@code path} before the job is
 * queued, and {@code path} is added to the job's files.
 *
 * @param path     where the file goes, relative to the workspace
 * @param uploadId the id {@code workspace().stage(...)} answered
 */
public record UploadRef(String path, String uploadId) {
    /**
     * Checks both are given.
     *
     * @param path     where the file goes
     * @param uploadId the staged upload
     */
    public UploadRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(uploadId, "uploadId");
    }

    ObjectNode toJson() {
        return Json.object().put("path", path).put("uploadId", uploadId);
    }

    static com.fasterxml.jackson.databind.node.ArrayNode toJson(java.util.List<UploadRef> uploads) {
        com.fasterxml.jackson.databind.node.ArrayNode array = Json.object().arrayNode();
        uploads.forEach(u -> array.add(u.toJson()));
        return array;
    }
}
