package ai.perstack.examples.spring;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.testkit.LocalPerstack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The way production configures it: perstack.base-url and perstack.api-key, here pointing at a running platform. */
@SpringBootTest
class PropertiesConnectionTest {
    private static final LocalPerstack PLATFORM = LocalPerstack.start();

    @DynamicPropertySource
    static void perstack(DynamicPropertyRegistry registry) {
        registry.add("perstack.base-url", PLATFORM::baseUrl);
        registry.add("perstack.api-key", PLATFORM::apiKey);
    }

    @AfterAll
    static void stop() {
        PLATFORM.close();
    }

    @Autowired
    PerstackClient client;

    @Test
    void thePropertiesGiveAWorkingClientBean() {
        assertThat(client.config().baseUrl().toString()).isEqualTo(PLATFORM.baseUrl());
        String id = client.applications().create(CreateApplicationInput.builder().name("from spring").build())
                .orElseThrow().data().application().id();
        assertThat(client.applications().get(id).orElseThrow().data().application().name()).isEqualTo("from spring");
    }
}
