package ai.perstack.server.skills;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One part of a tool result as core's messages carry it: text, an inline image or an inline
 * file (base64). The part id is the caller's to give.
 */
public sealed interface ResultPart {
    /** The part as core's wire JSON ({@code type} and its fields), with the given id. */
    ObjectNode toJson(String id);

    /** A {@code textPart}. */
    record Text(String text) implements ResultPart {
        @Override
        public ObjectNode toJson(String id) {
            return base(id, "textPart").put("text", text);
        }
    }

    /** An {@code imageInlinePart}. */
    record ImageInline(String encodedData, String mimeType) implements ResultPart {
        @Override
        public ObjectNode toJson(String id) {
            return base(id, "imageInlinePart").put("encodedData", encodedData).put("mimeType", mimeType);
        }
    }

    /** A {@code fileInlinePart}. */
    record FileInline(String encodedData, String mimeType) implements ResultPart {
        @Override
        public ObjectNode toJson(String id) {
            return base(id, "fileInlinePart").put("encodedData", encodedData).put("mimeType", mimeType);
        }
    }

    private static ObjectNode base(String id, String type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("type", type);
        return node;
    }
}
