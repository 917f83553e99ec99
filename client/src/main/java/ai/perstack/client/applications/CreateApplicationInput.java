package ai.perstack.client.applications;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The body of {@code applications.create}.
 *
 * @param name               1..255 characters (required)
 * @param applicationGroupId the group to put it in
 */
public record CreateApplicationInput(String name, Optional<String> applicationGroupId) {

    /**
     * Checks required fields.
     *
     * @param name 1..255 characters (required)
     * @param applicationGroupId the group to put it in
     */
    public CreateApplicationInput {
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
        applicationGroupId = applicationGroupId == null ? Optional.empty() : applicationGroupId;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object().put("name", name);
        applicationGroupId.ifPresent(g -> body.put("applicationGroupId", g));
        return body;
    }

    /** Builds {@link CreateApplicationInput}. */
    public static final class Builder {
        private String name;
        private String applicationGroupId;

        private Builder() {
        }

        /**
         * The name (required).
         *
         * @param name 1..255 characters (required)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The application group.
         *
         * @param applicationGroupId the group to put it in
         * @return this builder
         */
        public Builder applicationGroupId(String applicationGroupId) {
            this.applicationGroupId = applicationGroupId;
            return this;
        }

        /** {@return the input; throws {@link IllegalArgumentException} when {@code name} is missing} */
        public CreateApplicationInput build() {
            return new CreateApplicationInput(name, Optional.ofNullable(applicationGroupId));
        }
    }
}
