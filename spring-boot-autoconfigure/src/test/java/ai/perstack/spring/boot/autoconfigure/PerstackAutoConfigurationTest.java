package ai.perstack.spring.boot.autoconfigure;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiResult;
import ai.perstack.client.AsyncPerstackClient;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.listener.PerstackListener;
import ai.perstack.micrometer.PerstackObservationListener;
import ai.perstack.spring.boot.test.PerstackLocalPlatform;
import ai.perstack.testkit.LocalPerstack;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class PerstackAutoConfigurationTest {
    private static LocalPerstack local;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            PerstackAutoConfiguration.class, PerstackHealthAutoConfiguration.class, PerstackObservationAutoConfiguration.class));

    @BeforeAll
    static void startPlatform() {
        local = LocalPerstack.start();
    }

    @AfterAll
    static void stopPlatform() {
        local.close();
    }

    private ApplicationContextRunner connected() {
        return runner.withPropertyValues("perstack.base-url=" + local.baseUrl(), "perstack.api-key=" + local.apiKey());
    }

    @Test
    void thePropertiesMakeWorkingClientBeans() {
        connected().withPropertyValues("perstack.timeout=7s", "perstack.max-retries=4").run(context -> {
            assertThat(context).hasSingleBean(PerstackClient.class).hasSingleBean(AsyncPerstackClient.class);
            PerstackClient client = context.getBean(PerstackClient.class);
            assertThat(client.config().baseUrl().toString()).isEqualTo(local.baseUrl());
            assertThat(client.config().timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(client.config().maxRetries()).isEqualTo(4);
            assertThat(client.applications().list().ok()).isTrue();
            assertThat(context.getBean(AsyncPerstackClient.class).applications().list().join().ok()).isTrue();
        });
    }

    @Test
    void theDefaultsAreTheClientsOwn() {
        PerstackProperties defaults = new PerstackProperties();
        assertThat(defaults.getBaseUrl()).isEqualTo(ApiClientConfig.DEFAULT_BASE_URL);
        assertThat(defaults.getTimeout()).isEqualTo(ApiClientConfig.DEFAULT_TIMEOUT);
        assertThat(defaults.getMaxRetries()).isEqualTo(ApiClientConfig.DEFAULT_MAX_RETRIES);
        defaults.setApiKey("secret-key");
        assertThat(defaults.toString()).doesNotContain("secret-key");
    }

    @Test
    void theBuildWritesConfigurationMetadataForEveryProperty() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration metadata on the class path").isNotNull();
            var properties = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("properties");
            java.util.Map<String, String> described = new java.util.TreeMap<>();
            properties.forEach(p -> described.put(p.get("name").asText(), p.path("description").asText()));
            assertThat(described.keySet()).containsExactly("perstack.api-key", "perstack.base-url", "perstack.max-retries", "perstack.timeout");
            assertThat(described.values()).allMatch(d -> !d.isBlank());
        }
    }

    @Test
    void aMissingKeyFailsTheStartNamingTheProperty() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure.getCause() != null && !(failure instanceof InvalidConfigurationPropertyValueException)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("perstack.api-key");
            assertThat(((InvalidConfigurationPropertyValueException) failure).getName()).isEqualTo("perstack.api-key");
        });
    }

    @Test
    void aBadBaseUrlFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("perstack.api-key=k", "perstack.base-url=ftp://example.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("perstack.base-url");
        });
    }

    @Test
    void theClientIsClosedWithTheContext() {
        PerstackClient[] seen = new PerstackClient[1];
        connected().run(context -> seen[0] = context.getBean(PerstackClient.class));
        ApiResult<?> after = seen[0].applications().list();
        assertThat(after.ok()).isFalse();
        assertThat(after.error().message()).isEqualTo("the client was closed");
    }

    @Test
    void anApplicationsOwnClientWins() {
        connected().withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(PerstackClient.class);
            assertThat(context.getBean(PerstackClient.class).config().maxRetries()).isEqualTo(9);
        });
    }

    @Test
    void customizersShapeTheBuilder() {
        connected().withUserConfiguration(CountingCustomizer.class).run(context -> {
            context.getBean(PerstackClient.class).applications().list().orElseThrow();
            assertThat(context.getBean(CountingCustomizer.class).calls.get()).isEqualTo(1);
        });
    }

    @Test
    void theHealthIndicatorIsUpAgainstTheLivePlatformAndDownWithAWrongKey() {
        connected().run(context -> {
            Health health = context.getBean(PerstackHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("baseUrl", local.baseUrl());
        });
        runner.withPropertyValues("perstack.base-url=" + local.baseUrl(), "perstack.api-key=wrong-key").run(context -> {
            Health health = context.getBean(PerstackHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", 401).containsKey("requestId");
            assertThat(health.getDetails().toString()).doesNotContain("wrong-key");
        });
    }

    @Test
    void noHealthIndicatorWithoutHealthSupportOrWhenDisabled() {
        connected().withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasSingleBean(PerstackClient.class).doesNotHaveBean(PerstackHealthIndicator.class));
        connected().withPropertyValues("management.health.perstack.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PerstackHealthIndicator.class));
    }

    @Test
    void anObservationRegistryGetsAnObservationPerCall() {
        connected().withUserConfiguration(Observations.class).run(context -> {
            context.getBean(PerstackClient.class).applications().list().orElseThrow();
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            assertThat(registry).hasObservationWithNameEqualTo(PerstackObservationListener.CALLS)
                    .that().hasLowCardinalityKeyValue("uri", "/api/v1/applications");
        });
        connected().run(context -> assertThat(context).doesNotHaveBean("perstackObservationCustomizer"));
    }

    @Test
    void theLocalPlatformAnnotationNeedsNoUrlOrKey() {
        runner.withUserConfiguration(LocalPlatformTest.class).run(context -> {
            PerstackClient client = context.getBean(PerstackClient.class);
            LocalPerstack platform = context.getBean(LocalPerstack.class);
            assertThat(client.config().baseUrl().toString()).isEqualTo(platform.baseUrl());
            assertThat(client.applications().list().ok()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean(destroyMethod = "close")
        PerstackClient ownClient() {
            return PerstackClient.builder().apiKey(local.apiKey()).baseUrl(local.baseUrl()).maxRetries(9).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingCustomizer implements PerstackClientBuilderCustomizer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void customize(PerstackClient.Builder builder) {
            builder.listener(new PerstackListener() {
                @Override
                public void onCallEnd(CallEnd event) {
                    calls.incrementAndGet();
                }
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @PerstackLocalPlatform
    @Configuration(proxyBeanMethods = false)
    static class LocalPlatformTest {
    }
}
