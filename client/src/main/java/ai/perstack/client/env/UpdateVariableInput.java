package ai.perstack.client.env;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code env.variables.update}.
 *
 * @param value the value (required, up to 64 KiB)
 */
public record UpdateVariableInput(String value) {

    /**
     * Checks required fields.
     *
     * @param value the value (required, up to 64 KiB)
     */
    public UpdateVariableInput {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
    }

    /**
     * The input for {@code value}.
     *
     * @param value the value (required, up to 64 KiB)
     * @return the input for {@code value}
     */
    public static UpdateVariableInput of(String value) {
        return new UpdateVariableInput(value);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        return Json.object().put("value", value);
    }

    /** Builds {@link UpdateVariableInput}. */
    public static final class Builder {
        private String value;

        private Builder() {
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

        /** {@return the input; throws {@link IllegalArgumentException} when the value is missing} */
        public UpdateVariableInput build() {
            return new UpdateVariableInput(value);
        }
    }
}
