package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A model behind the job runtime. The runtime asks for one {@link Action} per step and writes
 * a checkpoint for it; the provider keeps whatever it needs between steps in the run's memo.
 */
public interface ModelProvider {
    /** The provider's name in the API ({@code mock}, {@code openai}, ...). */
    String name();

    /** The model a job that names none runs on, or null when the provider has no such notion. */
    default String defaultModel() {
        return null;
    }

    /** Whether a job on this provider must name its model (it has no {@link #defaultModel()} to fall back on). */
    default boolean requiresModel() {
        return false;
    }

    /** The secret that must hold this provider's API key, or null when it needs none. */
    String keySecret();

    /**
     * The secret a job needs: {@link #keySecret()} unless the operator's settings make the key
     * unnecessary (a local OpenAI-compatible server, say).
     */
    default String requiredSecret() {
        return keySecret();
    }

    /**
     * Checks a query against the coordinator before a job is queued.
     *
     * @throws IllegalArgumentException with a message for the {@code query} field
     */
    void checkQuery(String query, JsonNode coordinator);

    /** Takes the next step of a run. May block; must return promptly when its sleeper is interrupted. */
    Action next(StepContext context) throws ProviderFailure, InterruptedException;
}
