package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import java.util.Map;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the API tests: every subclass runs once on H2 and once on PostgreSQL, against a
 * real server on 127.0.0.1. Each test works in fresh organizations.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
abstract class ApiTest {
    @Parameter
    Backend backend;

    LocalPlatform platform() {
        return Platforms.shared(backend);
    }

    /** A client for a new organization. */
    Api newOrg() {
        return Platforms.newOrganization(platform());
    }

    /** A client without a key. */
    Api anonymous() {
        return new Api(platform().baseUrl(), null, null);
    }

    static Res expect(Res res, int status) {
        assertThat(res.status()).as("%s", res).isEqualTo(status);
        return res;
    }

    /** Asserts a 400 that names {@code field}. */
    static Res expectInvalid(Res res, String field) {
        expect(res, 400);
        assertThat(res.reason().has(field)).as("reason names %s: %s", field, res).isTrue();
        return res;
    }

    static String createApplication(Api api, String name) {
        return expect(api.post("/api/v1/applications", Map.of("name", name)), 201).data("application").get("id").asText();
    }
}
