package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry the base tool {@code listDirectory} found.
 *
 * @param name     the entry's name
 * @param path     its path
 * @param type     {@code file} or {@code directory}
 * @param size     bytes
 * @param modified when it was last modified
 * @param json     the object as received
 */
public record DirectoryItem(String name, String path, String type, long size, String modified, JsonNode json) {

    static DirectoryItem read(JsonIn in) {
        return new DirectoryItem(in.string("name"), in.string("path"), in.string("type"), in.integer("size"),
                in.string("modified"), in.node());
    }
}
