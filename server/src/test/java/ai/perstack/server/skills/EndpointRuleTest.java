package ai.perstack.server.skills;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Core's endpoint rule for mcpSseSkill, and the operator's loopback flag. */
class EndpointRuleTest {
    @Test
    void publicHttpsIsAllowedAndEverythingLocalIsNot() {
        assertThat(EndpointRule.problem("https://mcp.example.com/sse", false)).isNull();
        assertThat(EndpointRule.problem("https://8.8.8.8/mcp", false)).isNull();
        for (String bad : new String[]{"http://mcp.example.com/sse", "https://localhost/x", "https://127.0.0.1/x",
                "https://[::1]/x", "https://0.0.0.0/x", "https://10.1.2.3/x", "https://172.16.0.1/x",
                "https://172.31.255.255/x", "https://192.168.1.1/x", "https://169.254.169.254/latest",
                "https://[fe80::1]/x", "https://[fd00::1]/x", "https://[::ffff:10.0.0.1]/x", "ftp://example.com/",
                "not a url", "https://user:pw@example.com/", "https:///nohost"}) {
            assertThat(EndpointRule.problem(bad, false)).as(bad).startsWith("Endpoint must be a public HTTPS URL");
        }
        assertThat(EndpointRule.problem("https://172.32.0.1/x", false)).isNull();
    }

    @Test
    void theLoopbackFlagAllowsOnlyLoopbackHostsOverPlainHttp() {
        assertThat(EndpointRule.problem("http://127.0.0.1:8080/mcp", true)).isNull();
        assertThat(EndpointRule.problem("http://localhost:8080/mcp", true)).isNull();
        assertThat(EndpointRule.problem("http://[::1]:8080/mcp", true)).isNull();
        assertThat(EndpointRule.problem("http://192.168.1.1/mcp", true)).isNotNull();
        assertThat(EndpointRule.problem("http://mcp.example.com/mcp", true)).isNotNull();
        assertThat(EndpointRule.problem("https://10.0.0.1/mcp", true)).isNotNull();
    }

    @Property
    void everyPrivateIpv4IsRefused(@ForAll @IntRange(min = 0, max = 255) int b, @ForAll @IntRange(min = 0, max = 255) int c) {
        assertThat(EndpointRule.problem("https://10." + b + "." + c + ".1/x", false)).isNotNull();
        assertThat(EndpointRule.problem("https://192.168." + b + "." + c + "/x", false)).isNotNull();
        assertThat(EndpointRule.problem("https://127." + b + "." + c + ".9/x", false)).isNotNull();
        assertThat(EndpointRule.problem("https://172." + (16 + b % 16) + "." + c + ".1/x", false)).isNotNull();
    }
}
