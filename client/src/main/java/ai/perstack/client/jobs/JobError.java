package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why a job or a step failed.
 *
 * @param name        the error's kind, e.g. {@code ProviderError}
 * @param message     what happened
 * @param isRetryable whether trying again may succeed
 * @param statusCode  the provider's HTTP status, when an HTTP call failed
 * @param json        the object as received
 */
public record JobError(String name, String message, boolean isRetryable, java.util.OptionalLong statusCode,
                       JsonNode json) {

    /**
     * Reads an error object.
     *
     * @param in the JSON object to read
     * @return the {@code JobError} read from {@code in}
     */
    static JobError read(JsonIn in) {
        return new JobError(in.string("name"), in.string("message"), in.bool("isRetryable", false),
                in.optInteger("statusCode"), in.node());
    }
}
