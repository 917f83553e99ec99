package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * What the base tool {@code getFileInfo} found about a path.
 *
 * @param exists        whether the path exists
 * @param name          the file name
 * @param directory     the parent directory
 * @param extension     the extension, empty when none
 * @param type          {@code file} or {@code directory}
 * @param mimeType      the MIME type, empty when unknown
 * @param size          bytes
 * @param sizeFormatted the size for people, e.g. {@code 1.2 KB}
 * @param created       when it was created
 * @param modified      when it was last modified
 * @param accessed      when it was last read
 * @param json          the object as received
 */
public record FileInfo(boolean exists, String name, String directory, Optional<String> extension, String type,
                       Optional<String> mimeType, long size, String sizeFormatted, String created, String modified,
                       String accessed, JsonNode json) {

    static FileInfo read(JsonIn in) {
        return new FileInfo(in.bool("exists"), in.string("name"), in.string("directory"), in.optString("extension"),
                in.string("type"), in.optString("mimeType"), in.integer("size"), in.string("sizeFormatted"),
                in.string("created"), in.string("modified"), in.string("accessed"), in.node());
    }
}
