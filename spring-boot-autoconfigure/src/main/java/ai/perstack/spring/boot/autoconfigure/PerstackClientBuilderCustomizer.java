package ai.perstack.spring.boot.autoconfigure;

import ai.perstack.client.PerstackClient;

/**
 * Customizes the builder of the auto-configured {@link PerstackClient} after the properties are
 * applied: add listeners, use an own {@code HttpClient}, change a setting. Beans of this type are
 * applied in their {@code @Order}.
 */
@FunctionalInterface
public interface PerstackClientBuilderCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(PerstackClient.Builder builder);
}
