package ai.perstack.spring.boot.autoconfigure;

import ai.perstack.client.PerstackClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code perstack} health indicator, when Spring Boot's health support (Actuator) is on the
 * classpath; {@code management.health.perstack.enabled=false} turns it off.
 */
@AutoConfiguration(after = PerstackAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(PerstackClient.class)
public class PerstackHealthAutoConfiguration {

    /** Created by Spring. */
    public PerstackHealthAutoConfiguration() {
    }

    /**
     * The indicator.
     *
     * @param client the client whose API it checks
     * @return the health indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "perstackHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("perstack") // on the method: read only once the class's conditions passed
    public PerstackHealthIndicator perstackHealthIndicator(PerstackClient client) {
        return new PerstackHealthIndicator(client);
    }
}
