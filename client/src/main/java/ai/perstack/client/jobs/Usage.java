package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Token usage of a job or of one checkpoint's step.
 *
 * @param inputTokens       tokens sent to the model
 * @param outputTokens      tokens the model produced
 * @param reasoningTokens   tokens spent reasoning
 * @param cachedInputTokens input tokens served from the provider's cache
 * @param totalTokens       input + output + reasoning
 * @param json              the object as received
 */
public record Usage(long inputTokens, long outputTokens, long reasoningTokens, long cachedInputTokens,
                    long totalTokens, JsonNode json) {

    /**
     * Reads a usage object; absent counters are 0.
     *
     * @param in the JSON object to read
     * @return the {@code Usage} read from {@code in}
     */
    static Usage read(JsonIn in) {
        return new Usage(in.integer("inputTokens", 0), in.integer("outputTokens", 0), in.integer("reasoningTokens", 0),
                in.integer("cachedInputTokens", 0), in.integer("totalTokens", 0), in.node());
    }
}
