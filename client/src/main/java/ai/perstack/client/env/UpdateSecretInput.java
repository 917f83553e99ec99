package ai.perstack.client.env;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of {@code env.secrets.update}.
 *
 * @param value the value (required, up to 64 KiB); write-only, never shown by {@link #toString()}
 */
public record UpdateSecretInput(String value) {

    /** Checks required fields. */
    public UpdateSecretInput {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
    }

    /** The input for {@code value}. */
    public static UpdateSecretInput of(String value) {
        return new UpdateSecretInput(value);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The JSON body. */
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

        /** The value (required). */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        /** The input; throws {@link IllegalArgumentException} when the value is missing. */
        public UpdateSecretInput build() {
            return new UpdateSecretInput(value);
        }
    }
}
