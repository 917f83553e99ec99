package ai.perstack.spring.boot.test;

import ai.perstack.spring.boot.autoconfigure.PerstackConnectionDetails;
import ai.perstack.testkit.LocalPerstack;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a {@link LocalPerstack} with the application context and connects the client beans to
 * it through {@link PerstackConnectionDetails}; imported by {@link PerstackLocalPlatform}.
 */
@Configuration(proxyBeanMethods = false)
public class LocalPerstackConfiguration {

    /** Created by Spring. */
    public LocalPerstackConfiguration() {
    }

    /**
     * The platform, stopped (and its store deleted) with the context.
     *
     * @return the running platform
     */
    @Bean(destroyMethod = "close")
    public LocalPerstack localPerstack() {
        return LocalPerstack.start();
    }

    /**
     * The platform's URL and key.
     *
     * @param local the platform
     * @return connection details that win over {@code perstack.base-url} and {@code perstack.api-key}
     */
    @Bean
    public PerstackConnectionDetails localPerstackConnectionDetails(LocalPerstack local) {
        return new PerstackConnectionDetails() {
            @Override
            public String baseUrl() {
                return local.baseUrl();
            }

            @Override
            public String apiKey() {
                return local.apiKey();
            }
        };
    }
}
