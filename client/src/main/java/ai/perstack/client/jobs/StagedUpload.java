package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A file staged for a job not started yet (local-platform extension): name its id in
 * {@link UploadRef} on start or continue before it expires.
 *
 * @param id        the upload's id
 * @param size      bytes
 * @param expiresAt when it is deleted if no job took it
 * @param json      the whole body as received
 */
public record StagedUpload(String id, long size, Instant expiresAt, JsonNode json) {
    static StagedUpload read(JsonIn in) {
        JsonIn u = in.object("data").object("upload");
        return new StagedUpload(u.string("id"), u.integer("size"), u.instant("expiresAt"), in.node());
    }
}
