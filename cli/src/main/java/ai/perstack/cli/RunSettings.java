package ai.perstack.cli;

import ai.perstack.client.jobs.ReasoningBudget;
import ai.perstack.client.config.PerstackConfig;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The settings of one {@code perstack run}: each flag wins over the file's value; what neither
 * gives is left to the platform's defaults (which are core's: 100 steps, 5 retries, budget low).
 *
 * @param provider        {@code --provider}, else {@code [provider] providerName}, else {@code anthropic}
 * @param model           {@code --model}, else {@code model}
 * @param reasoningBudget {@code --reasoning-budget}, else {@code reasoningBudget}, as written
 * @param maxSteps        {@code --max-steps}, else {@code maxSteps}
 * @param maxRetries      {@code --max-retries}, else {@code maxRetries}
 * @param timeout         {@code --timeout}, else {@code timeout} (ms); carried only: the platform has no per-job timeout
 */
record RunSettings(String provider, Optional<String> model, Optional<String> reasoningBudget, OptionalInt maxSteps,
                   OptionalInt maxRetries, OptionalLong timeout) {
    private static final Set<String> NAMED = Set.of("none", "minimal", "low", "medium", "high");

    static RunSettings of(PerstackConfig file, String provider, String model, String reasoningBudget, Integer maxSteps,
                          Integer maxRetries, Long timeout) {
        if (reasoningBudget != null && !NAMED.contains(reasoningBudget) && !reasoningBudget.matches("\\d{1,9}")) {
            throw new UsageException("--reasoning-budget must be none, minimal, low, medium, high or a token count, not '" + reasoningBudget + "'");
        }
        if (timeout != null && timeout < 1) {
            throw new UsageException("--timeout must be a number of milliseconds >= 1");
        }
        return new RunSettings(
                provider != null ? provider : file.provider().map(PerstackConfig.Provider::providerName).orElse(PerstackConfig.DEFAULT_PROVIDER),
                model != null ? Optional.of(model) : file.model(),
                reasoningBudget != null ? Optional.of(reasoningBudget) : file.reasoningBudget(),
                maxSteps != null ? OptionalInt.of(maxSteps) : file.maxSteps(),
                maxRetries != null ? OptionalInt.of(maxRetries) : file.maxRetries(),
                timeout != null ? OptionalLong.of(timeout) : file.timeout());
    }

    /** {@return the budget as the job start takes it: every core form passes through unchanged} */
    Optional<ReasoningBudget> jobReasoningBudget() {
        return reasoningBudget.map(ReasoningBudget::parse);
    }
}
