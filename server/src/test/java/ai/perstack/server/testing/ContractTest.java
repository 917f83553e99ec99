package ai.perstack.server.testing;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check itself catches what it must, so "zero violations" means something. */
class ContractTest {
    private static final HttpHeaders JSON = HttpHeaders.of(
            Map.of("Content-Type", List.of("application/json"), "Request-Id", List.of("r1")), (a, b) -> true);

    @Test
    void flagsABodyThatBreaksTheSchema() {
        Res bad = new Res("GET", "/api/v1/applications/abc", 200, JSON, "{\"data\":{\"application\":{\"id\":\"x\"}}}");
        assertThat(Contract.violations(bad)).isNotEmpty();
    }

    @Test
    void flagsAnUndocumentedStatus() {
        Res bad = new Res("GET", "/api/v1/applications", 418, JSON, "{\"code\":418,\"error\":\"x\",\"reason\":\"y\"}");
        assertThat(Contract.violations(bad)).anyMatch(v -> v.contains("not documented"));
    }

    @Test
    void acceptsAConformingError() {
        Res ok = new Res("GET", "/api/v1/applications/abc", 404, JSON, "{\"code\":404,\"error\":\"Not Found\",\"reason\":\"gone\"}");
        assertThat(Contract.violations(ok)).isEmpty();
    }
}
