package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.env.Secret;
import ai.perstack.client.env.UpdateSecretInput;
import ai.perstack.client.env.UpdateVariableInput;
import ai.perstack.client.env.Variable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@PerstackLocal(lifecycle = PerstackLocal.Lifecycle.PER_METHOD)
class EnvEndToEndTest {
    private static final String SECRET_VALUE = "sk-e2e-very-secret-value-0123456789";

    @Test
    void secretsAreWriteOnly(PerstackClient client) {
        Secret created = client.env().secrets().create(CreateSecretInput.builder().name("API_KEY").value(SECRET_VALUE).build())
                .orElseThrow().data().secret();
        assertThat(created.name()).isEqualTo("API_KEY");
        assertThat(created.json().toString()).doesNotContain(SECRET_VALUE);
        var updated = client.env().secrets().update("API_KEY", UpdateSecretInput.of(SECRET_VALUE + "-2")).orElseThrow();
        assertThat(updated.json().toString()).doesNotContain(SECRET_VALUE);
        var list = client.env().secrets().list().orElseThrow();
        assertThat(list.data().secrets()).extracting(Secret::name).containsExactly("API_KEY");
        assertThat(list.json().toString()).doesNotContain(SECRET_VALUE);
        assertThat(client.env().secrets().delete("API_KEY").orElseThrow().data().secret().name()).isEqualTo("API_KEY");
        assertThat(client.env().secrets().get("API_KEY").error().code()).isEqualTo(404);
    }

    @Test
    void variablesRoundTripAndShareTheNamespaceWithSecrets(PerstackClient client) {
        Variable v = client.env().variables().create(CreateVariableInput.builder().name("DATABASE_URL").value("postgres://a").build())
                .orElseThrow().data().variable();
        assertThat(v.value()).isEqualTo("postgres://a");
        assertThat(client.env().variables().update("DATABASE_URL", UpdateVariableInput.of("postgres://b")).orElseThrow()
                .data().variable().value()).isEqualTo("postgres://b");
        assertThat(client.env().variables().get("DATABASE_URL").orElseThrow().data().variable().value()).isEqualTo("postgres://b");
        var clash = client.env().secrets().create(CreateSecretInput.builder().name("DATABASE_URL").value("x").build());
        assertThat(clash.error().code()).isEqualTo(409);
        assertThat(client.env().variables().list().orElseThrow().data().variables()).hasSize(1);
        assertThat(client.env().variables().delete("DATABASE_URL").ok()).isTrue();
    }
}
