package ai.perstack.client.env;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code env.variables.create}.
 *
 * @param name  the name (required), {@code ^[A-Za-z_][A-Za-z0-9_]*$}, 1..255 characters
 * @param value the value (required, up to 64 KiB)
 */
public record CreateVariableInput(String name, String value) {

    /**
     * Checks required fields.
     *
     * @param name the name (required), {@code ^[A-Za-z_][A-Za-z0-9_]*$}, 1..255 characters
     * @param value the value (required, up to 64 KiB)
     */
    public CreateVariableInput {
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        return Json.object().put("name", name).put("value", value);
    }

    /** Builds {@link CreateVariableInput}. */
    public static final class Builder {
        private String name;
        private String value;

        private Builder() {
        }

        /**
         * The name (required).
         *
         * @param name the name (required), {@code ^[A-Za-z_][A-Za-z0-9_]*$}, 1..255 characters
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * The value (required).
         *
         * @param value the value (required, up to 64 KiB)
         * @return this builder
         */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /** {@return the input; throws {@link IllegalArgumentException} when a field is missing} */
        public CreateVariableInput build() {
            return new CreateVariableInput(name, value);
        }
    }
}
