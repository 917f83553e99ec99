package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code experts.drafts.create}.
 *
 * @param applicationId the application the draft belongs to (required)
 * @param experts       the members, coordinator first (at least one)
 * @param category      sets the scope's category
 * @param description   sets the scope's description
 */
public record CreateDraftInput(String applicationId, List<Expert> experts, Optional<ExpertCategory> category,
                               Optional<String> description) {

    /**
     * Checks required fields.
     *
     * @param applicationId the application the draft belongs to (required)
     * @param experts the members, coordinator first (at least one)
     * @param category sets the scope's category
     * @param description sets the scope's description
     */
    public CreateDraftInput {
        if (applicationId == null) {
            throw new IllegalArgumentException("applicationId is required");
        }
        if (experts == null || experts.isEmpty()) {
            throw new IllegalArgumentException("experts must contain at least one expert");
        }
        experts = List.copyOf(experts);
        category = category == null ? Optional.empty() : category;
        description = description == null ? Optional.empty() : description;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object().put("applicationId", applicationId);
        ArrayNode list = body.putArray("experts");
        experts.forEach(e -> list.add(e.toJson()));
        category.ifPresent(c -> body.put("category", c.value()));
        description.ifPresent(d -> body.put("description", d));
        return body;
    }

    /** Builds {@link CreateDraftInput}. */
    public static final class Builder {
        private String applicationId;
        private final List<Expert> experts = new ArrayList<>();
        private ExpertCategory category;
        private String description;

        private Builder() {
        }

        /**
         * The application (required).
         *
         * @param applicationId the application the draft belongs to (required)
         * @return this builder
         */
        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        /**
         * Adds a member; the first added is the coordinator.
         *
         * @param expert the member to add
         * @return this builder
         */
        public Builder addExpert(Expert expert) {
            this.experts.add(expert);
            return this;
        }

        /**
         * Replaces the members.
         *
         * @param experts the members, coordinator first (at least one)
         * @return this builder
         */
        public Builder experts(List<Expert> experts) {
            this.experts.clear();
            this.experts.addAll(experts);
            return this;
        }

        /**
         * The scope's category.
         *
         * @param category sets the scope's category
         * @return this builder
         */
        public Builder category(ExpertCategory category) {
            this.category = category;
            return this;
        }

        /**
         * The scope's category by wire value.
         *
         * @param category sets the scope's category
         * @return this builder
         */
        public Builder category(String category) {
            this.category = category == null ? null : ExpertCategory.of(category);
            return this;
        }

        /**
         * The scope's description.
         *
         * @param description sets the scope's description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** {@return the input; throws {@link IllegalArgumentException} when a required field is missing} */
        public CreateDraftInput build() {
            return new CreateDraftInput(applicationId, experts, Optional.ofNullable(category), Optional.ofNullable(description));
        }
    }
}
