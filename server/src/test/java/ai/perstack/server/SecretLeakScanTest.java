package ai.perstack.server;

import ai.perstack.server.testing.Captured;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class (see junit-platform.properties): no secret value used
 * anywhere in the suite appears in any response (body or header) or log line.
 */
@Order(Integer.MAX_VALUE)
class SecretLeakScanTest {

    @Test
    void noSecretValueAppearsInAnyResponseOrLogLine() {
        Set<String> secrets = Captured.secrets();
        List<String> output = Captured.output();
        assertThat(secrets).as("the suite used secrets").isNotEmpty();
        assertThat(output).as("the suite captured responses and logs").hasSizeGreaterThan(100);
        for (String line : output) {
            for (String secret : secrets) {
                assertThat(line).as("output line").doesNotContain(secret);
            }
        }
    }
}
