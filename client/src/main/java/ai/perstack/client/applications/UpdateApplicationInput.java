package ai.perstack.client.applications;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The body of {@code applications.update}: the fields to change.
 *
 * @param name   the new name
 * @param status the new status
 */
public record UpdateApplicationInput(Optional<String> name, Optional<ApplicationStatus> status) {

    /**
     * Checks that something changes.
     *
     * @param name the new name
     * @param status the new status
     */
    public UpdateApplicationInput {
        name = name == null ? Optional.empty() : name;
        status = status == null ? Optional.empty() : status;
        if (name.isEmpty() && status.isEmpty()) {
            throw new IllegalArgumentException("name or status is required");
        }
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        name.ifPresent(n -> body.put("name", n));
        status.ifPresent(s -> body.put("status", s.value()));
        return body;
    }

    /** Builds {@link UpdateApplicationInput}. */
    public static final class Builder {
        private String name;
        private ApplicationStatus status;

        private Builder() {
        }

        /**
         * The new name.
         *
         * @param name the new name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The new status.
         *
         * @param status the new status
         * @return this builder
         */
        public Builder status(ApplicationStatus status) {
            this.status = status;
            return this;
        }

        /**
         * The new status by wire value ({@code active}, {@code inactive}).
         *
         * @param status the new status
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status == null ? null : ApplicationStatus.of(status);
            return this;
        }

        /** {@return the input; throws {@link IllegalArgumentException} when nothing would change} */
        public UpdateApplicationInput build() {
            return new UpdateApplicationInput(Optional.ofNullable(name), Optional.ofNullable(status));
        }
    }
}
