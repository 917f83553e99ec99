package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code @TestInstance(PER_CLASS)} JUnit builds the test instance before any callback runs;
 * the constructor still receives the class's platform, the same one the methods and the
 * {@code @Nested} classes get.
 */
@PerstackLocal
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstructorInjectionTest {
    private final PerstackClient client;
    private final LocalPerstack local;

    ConstructorInjectionTest(PerstackClient client, LocalPerstack local) {
        this.client = client;
        this.local = local;
    }

    @Test
    void constructorAndMethodsGetTheSamePlatform(LocalPerstack fromMethod, PerstackClient clientFromMethod) {
        assertThat(fromMethod).isSameAs(local);
        assertThat(clientFromMethod).isSameAs(client).isSameAs(local.client());
        assertThat(client.applications().list().ok()).isTrue();
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheEnclosingPlatform(LocalPerstack inner) {
            assertThat(inner).isSameAs(local);
        }
    }
}
