package ai.perstack.client.config;

import ai.perstack.client.experts.Expert;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a {@code perstack.toml} says: its experts, in file order, by key, and the run settings.
 * A setting the file leaves out is empty here; the caller applies its flags first, then these,
 * then core's defaults ({@link #DEFAULT_MODEL}, {@link #DEFAULT_PROVIDER}, ...).
 *
 * @param source                   where it was read from (a path, for messages)
 * @param model                    {@code model}
 * @param provider                 {@code [provider]}: {@code providerName} and its {@code setting}
 * @param reasoningBudget          {@code reasoningBudget} as written: {@code none|minimal|low|medium|high}, or a
 *                                 non-negative integer as its decimal text
 * @param maxSteps                 {@code maxSteps}
 * @param maxRetries               {@code maxRetries}
 * @param timeout                  {@code timeout}, in milliseconds (per LLM call in core)
 * @param runtime                  {@code runtime} ({@code local}, {@code docker}, ...)
 * @param envPath                  {@code envPath}: the .env files to read
 * @param perstackApiBaseUrl       {@code perstackApiBaseUrl}
 * @param perstackBaseSkillCommand {@code perstackBaseSkillCommand}
 * @param experts                  {@code [experts."<key>"]} tables, by key, in file order
 */
public record PerstackConfig(String source, Optional<String> model, Optional<Provider> provider,
                             Optional<String> reasoningBudget, OptionalInt maxSteps, OptionalInt maxRetries,
                             OptionalLong timeout, Optional<String> runtime, List<String> envPath,
                             Optional<String> perstackApiBaseUrl, Optional<List<String>> perstackBaseSkillCommand,
                             Map<String, Expert> experts) {
    /** Core's default model. */
    public static final String DEFAULT_MODEL = "claude-sonnet-4-5";
    /** Core's default provider. */
    public static final String DEFAULT_PROVIDER = "anthropic";
    /** Core's default {@code envPath}. */
    public static final List<String> DEFAULT_ENV_PATH = List.of(".env", ".env.local");

    /**
     * Copies the collections.
     *
     * @param source where it was read from
     * @param model {@code model}
     * @param provider {@code [provider]}
     * @param reasoningBudget {@code reasoningBudget} as written
     * @param maxSteps {@code maxSteps}
     * @param maxRetries {@code maxRetries}
     * @param timeout {@code timeout} in milliseconds
     * @param runtime {@code runtime}
     * @param envPath {@code envPath}
     * @param perstackApiBaseUrl {@code perstackApiBaseUrl}
     * @param perstackBaseSkillCommand {@code perstackBaseSkillCommand}
     * @param experts the experts by key, in file order
     */
    public PerstackConfig {
        envPath = envPath == null ? DEFAULT_ENV_PATH : List.copyOf(envPath);
        experts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(experts == null ? Map.of() : experts));
    }

    /**
     * The expert {@code key}, or an error naming the file and the experts it has.
     *
     * @param key the table name of {@code [experts."<key>"]}
     * @return the expert
     * @throws PerstackTomlException when the file has no such expert
     */
    public Expert expert(String key) {
        Expert e = experts.get(key);
        if (e == null) {
            throw new PerstackTomlException(source + ": no expert \"" + key + "\" (it has: "
                    + (experts.isEmpty() ? "none" : String.join(", ", experts.keySet())) + ")");
        }
        return e;
    }

    /**
     * {@code [provider]}.
     *
     * @param providerName the provider ({@code anthropic}, {@code openai}, ...)
     * @param setting      {@code [provider.setting]}: its non-secret settings (baseUrl, headers, ...), or empty
     */
    public record Provider(String providerName, Optional<JsonNode> setting) {
        /**
         * Checks the name.
         *
         * @param providerName the provider
         * @param setting its settings
         */
        public Provider {
            if (providerName == null) {
                throw new IllegalArgumentException("providerName is required");
            }
            setting = setting == null ? Optional.empty() : setting;
        }
    }
}
