package ai.perstack.spring.boot.autoconfigure;

import ai.perstack.client.ApiError;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.applications.ListApplicationsParams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up when the Perstack API answers an authenticated call (listing one application: it checks the
 * connection and the key together); down with the status, message and request id otherwise. Never
 * retries, so a health probe stays quick.
 */
public class PerstackHealthIndicator implements HealthIndicator {
    private final PerstackClient client;

    /**
     * An indicator of {@code client}'s API.
     *
     * @param client the client
     */
    public PerstackHealthIndicator(PerstackClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        ApiResult<?> result = client.applications().list(ListApplicationsParams.builder().take(1).build(),
                RequestOptions.builder().maxRetries(0).build());
        Health.Builder health = result.ok() ? Health.up() : Health.down();
        health.withDetail("baseUrl", client.config().baseUrl().toString());
        if (!result.ok()) {
            ApiError error = result.error();
            health.withDetail("status", error.code()).withDetail("error", error.message());
            error.requestId().ifPresent(id -> health.withDetail("requestId", id));
        }
        return health.build();
    }
}
