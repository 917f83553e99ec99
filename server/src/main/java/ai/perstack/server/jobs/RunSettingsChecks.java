package ai.perstack.server.jobs;

import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.providers.ModelProvider;
import ai.perstack.server.providers.Providers;
import ai.perstack.server.providers.ReasoningBudget;
import ai.perstack.server.store.EnvRepository;
import ai.perstack.server.store.Tx;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;

/**
 * The checks a job's start or continuation makes of how it is to run: the provider (known,
 * available here, its secret set, the query acceptable to it), the model name, the reasoning
 * budget and the step and retry limits. Each failure goes into the request's {@link Validation}
 * under the field it concerns, so that one 400 names them all.
 */
final class RunSettingsChecks {
    private final Providers providers;
    private final EnvRepository env;

    RunSettingsChecks(Providers providers, EnvRepository env) {
        this.providers = providers;
        this.env = env;
    }

    /** The provider named {@code name}, or null (and a failure on {@code provider} unless it may be absent and is). */
    ModelProvider provider(Validation v, String name, boolean required) {
        if (name == null) {
            if (required) {
                v.fail("provider", "is required");
            }
            return null;
        }
        if (!Providers.KNOWN.contains(name)) {
            v.fail("provider", "must be one of " + String.join(", ", Providers.KNOWN));
            return null;
        }
        ModelProvider p = providers.find(name).orElse(null);
        if (p == null) {
            v.fail("provider", "provider " + name + " is not available on this server");
        }
        return p;
    }

    /** The secret the provider's key is read from must be set in the organization (a failure named after it). */
    void secret(Tx tx, Organization org, ModelProvider provider, Validation v) throws SQLException {
        if (provider == null || provider.keySecret() == null) {
            return;
        }
        String secret = provider.requiredSecret();
        if (secret != null && env.find(tx, org.id(), secret).filter(e -> e.kind().equals("secret")).isEmpty()) {
            v.fail(secret, "secret " + secret + " is not set; the " + provider.name() + " provider needs it");
        }
    }

    /** The provider must accept the query for the coordinator (e.g. its attachments). */
    static void query(Validation v, ModelProvider provider, String query, JsonNode coordinator) {
        if (provider != null) {
            try {
                provider.checkQuery(query, coordinator);
            } catch (IllegalArgumentException e) {
                v.fail("query", e.getMessage());
            }
        }
    }

    /** A model given fits the store; none given is fine unless a new job's provider has no default model. */
    static void model(Validation v, String model, ModelProvider provider) {
        if (model != null) {
            v.length("model", model, 1, 255);
        } else if (provider != null && provider.requiresModel()) {
            v.fail("model", "is required: the " + provider.name() + " provider has no default model");
        }
    }

    /** The reasoning budget given, or the default when none is. */
    static ReasoningBudget reasoningBudget(Validation v, JsonNode given) {
        if (given != null && !given.isNull()) {
            try {
                return ReasoningBudget.parse(given);
            } catch (IllegalArgumentException e) {
                v.fail("reasoningBudget", e.getMessage());
            }
        }
        return ReasoningBudget.DEFAULT;
    }

    static void range(Validation v, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            v.fail(field, "must be an integer in " + min + ".." + max);
        }
    }
}
