package ai.perstack.spring.boot.autoconfigure;

import ai.perstack.micrometer.PerstackObservationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Observes the client with Micrometer when {@code perstack-micrometer} is on the classpath and the
 * application has an {@link ObservationRegistry}: call observations, and counters in the
 * {@link MeterRegistry} when there is one.
 */
@AutoConfiguration(before = PerstackAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({PerstackObservationListener.class, ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
public class PerstackObservationAutoConfiguration {

    /** Created by Spring. */
    public PerstackObservationAutoConfiguration() {
    }

    /**
     * Registers the Micrometer listener on the client builder.
     *
     * @param observations the application's observation registry
     * @param meters the application's meter registry, if any
     * @return the customizer
     */
    @Bean
    public PerstackClientBuilderCustomizer perstackObservationCustomizer(ObservationRegistry observations,
                                                                         ObjectProvider<MeterRegistry> meters) {
        return builder -> builder.listener(PerstackObservationListener.create(observations, meters.getIfAvailable()));
    }
}
