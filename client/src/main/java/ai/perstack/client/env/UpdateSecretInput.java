package ai.perstack.client.env;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code env.secrets.update}.
 *
 * @param value the value (required, up to 64 KiB); write-only, never shown by {@link #toString()}
 */
public record UpdateSecretInput(String value) {

    /**
     * Checks required fields.
     *
     * @param value the value (required, up to 64 KiB); write-only, never shown by {@link #toString()}
     */
    public UpdateSecretInput {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
    }

    /**
     * The input for {@code value}.
     *
     * @param value the value (required, up to 64 KiB); write-only, never shown by {@link #toString()}
     * @return the input for {@code value}
     */
    public static UpdateSecretInput of(String value) {
        return new UpdateSecretInput(value);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        return Json.object().put("value", value);
    }

    @Override
    public String toString() {
        return "UpdateSecretInput[value=****]";
    }

    /** Builds {@link UpdateSecretInput}. */
    public static final class Builder {
        private String value;

        private Builder() {
        }

        /**
         * The value (required).
         *
         * @param value the value (required, up to 64 KiB); write-only, never shown by {@link #toString()}
         * @return this builder
         */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /** {@return the input; throws {@link IllegalArgumentException} when the value is missing} */
        public UpdateSecretInput build() {
            return new UpdateSecretInput(value);
        }
    }
}
