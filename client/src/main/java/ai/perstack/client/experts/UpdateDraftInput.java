package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The body of {@code experts.drafts.update}: the draft's new members.
 *
 * @param experts the members, coordinator first (at least one)
 */
public record UpdateDraftInput(List<Expert> experts) {

    /**
     * Checks required fields.
     *
     * @param experts the members, coordinator first (at least one)
     */
    public UpdateDraftInput {
        if (experts == null || experts.isEmpty()) {
            throw new IllegalArgumentException("experts must contain at least one expert");
        }
        experts = List.copyOf(experts);
    }

    /**
     * The input for {@code experts}.
     *
     * @param experts the members, coordinator first (at least one)
     * @return the input for {@code experts}
     */
    public static UpdateDraftInput of(List<Expert> experts) {
        return new UpdateDraftInput(experts);
    }

    /**
     * The input for {@code experts}.
     *
     * @param experts the members, coordinator first (at least one)
     * @return the input for {@code experts}
     */
    public static UpdateDraftInput of(Expert... experts) {
        return new UpdateDraftInput(List.of(experts));
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("experts");
        experts.forEach(e -> list.add(e.toJson()));
        return body;
    }
}
