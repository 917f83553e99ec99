package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a provider sees when it makes a model call for a run.
 *
 * @param jobQuery        the query the job was started (or last continued) with
 * @param runQuery        the query of this run: the job's for the coordinator, the delegated text for a delegate
 * @param delegate        whether this run is a delegate's
 * @param expert          the expert of this run as its definition has it (key, name, instruction, skills, delegates)
 * @param model           the model asked for, or null
 * @param memo            the provider's own state for this run, saved with every checkpoint; change it freely
 * @param sleeper         waits in a way that a cancel interrupts
 * @param files           the job's files
 * @param reasoningBudget the job's reasoning budget
 * @param delegates       the experts this run's expert can delegate to, by the key it names them with
 * @param environment     the secrets and variables of the job's organization
 * @param tools           the tools of the expert's skills, listed on demand
 * @param results         the results of the previous reply's calls, not yet given to the model (all of them
 *                        together, in call order); empty when there are none
 * @param retryMessages   user messages to add before the call, oldest first: core's note of each retry since the last
 *                        call that succeeded (an empty reply's, a provider error's); empty when there are none
 * @param finalAnswer     whether this is core's final-answer call after {@code attemptCompletion}: no tools are
 *                        offered and the reply's text (maybe empty) completes the run
 */
public record StepContext(String jobQuery, String runQuery, boolean delegate, JsonNode expert, String model,
                          ObjectNode memo, Sleeper sleeper, List<String> files,
                          ReasoningBudget reasoningBudget, Map<String, JsonNode> delegates,
                          JobEnvironment environment, OfferedTool.Catalog tools, List<Action.Result> results,
                          List<String> retryMessages, boolean finalAnswer) {

    public StepContext {
        retryMessages = List.copyOf(retryMessages);
    }

    /** Waits, returning early with {@link InterruptedException} when the job is canceled or the server stops. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** The same call as core's final-answer call: no tools, the given results (and the same retry notes). */
    public StepContext forFinalAnswer(List<Action.Result> finalResults) {
        return new StepContext(jobQuery, runQuery, delegate, expert, model, memo, sleeper, files, reasoningBudget,
                delegates, environment, tools, finalResults, retryMessages, true);
    }
}
