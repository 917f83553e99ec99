package ai.perstack.spring.boot.autoconfigure;

import ai.perstack.client.AsyncPerstackClient;
import ai.perstack.client.PerstackClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link PerstackClient} and its {@link AsyncPerstackClient} from the
 * {@code perstack.*} properties (or a {@link PerstackConnectionDetails} bean), applying every
 * {@link PerstackClientBuilderCustomizer}. Both back off when the application defines its own; the
 * client is closed with the context. Without an API key the context fails to start, naming
 * {@code perstack.api-key}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(PerstackClient.class)
@EnableConfigurationProperties(PerstackProperties.class)
public class PerstackAutoConfiguration {

    /** Created by Spring. */
    public PerstackAutoConfiguration() {
    }

    /**
     * The connection from {@code perstack.base-url} and {@code perstack.api-key}.
     *
     * @param properties the bound properties
     * @return the connection details
     */
    @Bean
    @ConditionalOnMissingBean(PerstackConnectionDetails.class)
    public PerstackConnectionDetails perstackConnectionDetails(PerstackProperties properties) {
        return new PropertiesConnectionDetails(properties);
    }

    /**
     * The blocking client.
     *
     * @param properties timeout and retries
     * @param connection base URL and key
     * @param customizers applied in order after the properties
     * @return the client, closed with the context
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public PerstackClient perstackClient(PerstackProperties properties, PerstackConnectionDetails connection,
                                         ObjectProvider<PerstackClientBuilderCustomizer> customizers) {
        String apiKey = connection.apiKey();
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("perstack.api-key", "",
                    "the Perstack client needs an API key: set perstack.api-key (e.g. through the environment variable PERSTACK_API_KEY)");
        }
        PerstackClient.Builder builder = PerstackClient.builder();
        try {
            builder.apiKey(apiKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("perstack.api-key", "(hidden)", e.getMessage());
        }
        try {
            builder.baseUrl(connection.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("perstack.base-url", connection.baseUrl(), e.getMessage());
        }
        try {
            builder.timeout(properties.getTimeout());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("perstack.timeout", properties.getTimeout(), e.getMessage());
        }
        try {
            builder.maxRetries(properties.getMaxRetries());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException("perstack.max-retries", properties.getMaxRetries(), e.getMessage());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * The asynchronous twin of the client bean (the same connection and threads).
     *
     * @param client the blocking client
     * @return its asynchronous view; closing the blocking client closes it
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public AsyncPerstackClient asyncPerstackClient(PerstackClient client) {
        return client.async();
    }

    /** {@link PerstackConnectionDetails} read from {@link PerstackProperties}. */
    static final class PropertiesConnectionDetails implements PerstackConnectionDetails {
        private final PerstackProperties properties;

        PropertiesConnectionDetails(PerstackProperties properties) {
            this.properties = properties;
        }

        @Override
        public String baseUrl() {
            return properties.getBaseUrl();
        }

        @Override
        public String apiKey() {
            return properties.getApiKey();
        }
    }
}
