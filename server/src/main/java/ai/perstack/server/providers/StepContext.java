package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a provider sees when it takes a step of a run.
 *
 * @param jobQuery        the query the job was started (or last continued) with
 * @param runQuery        the query of this run: the job's for the coordinator, the delegated text for a delegate
 * @param delegate        whether this run is a delegate's
 * @param expert          the expert of this run as its definition has it (key, name, instruction, skills, delegates)
 * @param model           the model asked for, or null
 * @param answer          the answer to this run's pending interactive tool call, or null
 * @param memo            the provider's own state for this run, saved with every checkpoint; change it freely
 * @param sleeper         waits in a way that a cancel interrupts
 * @param files           the job's files
 * @param reasoningBudget the job's reasoning budget
 * @param delegateResult  the result of the delegate this run handed work to, not yet given to the provider, or null
 * @param delegates       the experts this run's expert can delegate to, by the key it names them with
 * @param environment     the secrets and variables of the job's organization
 * @param tools           the tools of the expert's skills, listed on demand
 * @param toolResult      the text result of the tool this run called last, not yet given to the provider, or null
 */
public record StepContext(String jobQuery, String runQuery, boolean delegate, JsonNode expert, String model,
                          String answer, ObjectNode memo, Sleeper sleeper, List<String> files,
                          ReasoningBudget reasoningBudget, String delegateResult, Map<String, JsonNode> delegates,
                          JobEnvironment environment, OfferedTool.Catalog tools, String toolResult) {

    /** Waits, returning early with {@link InterruptedException} when the job is canceled or the server stops. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
