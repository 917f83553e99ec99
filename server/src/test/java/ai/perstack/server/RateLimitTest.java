package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Backend;
import ai.perstack.server.testing.Platforms;
import ai.perstack.server.testing.Res;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --rate-limit N}: N requests per second per key, then 429 with Retry-After. */
class RateLimitTest {

    @Test
    void requestsOverTheLimitGet429WithRetryAfter() {
        try (LocalPlatform platform = LocalPlatform.start(Platforms.config(Backend.H2, Platforms.newDataDir(), 3).build())) {
            Api api = new Api(platform.baseUrl(), platform.bootstrapApiKey(), "local");
            Res limited = null;
            for (int i = 0; i < 20 && limited == null; i++) {
                Res res = api.get("/api/v1/applications");
                if (res.status() == 429) {
                    limited = res;
                }
            }
            assertThat(limited).as("a request was rate limited").isNotNull();
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isGreaterThanOrEqualTo(1);
            assertThat(limited.json().get("code").asInt()).isEqualTo(429);
            // another key has its own budget
            Api other = new Api(platform.baseUrl(), platform.createApiKey("other"), "other");
            assertThat(other.get("/api/v1/applications").status()).isEqualTo(200);
        }
    }
}
