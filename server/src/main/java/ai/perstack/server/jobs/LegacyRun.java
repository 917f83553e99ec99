package ai.perstack.server.jobs;

import ai.perstack.server.providers.Action;
import ai.perstack.server.providers.chat.LegacyChatMemo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Moves a run stored by the earlier one-call-per-step loop onto the current one. That loop kept the
 * answer of the pending call in {@code answer} (with {@code pendingToolCallId} while it waited), a finished
 * delegate's result in {@code delegation} and then {@code delegateResult}, a tool's text result in
 * {@code toolResult}, and a chat provider's queue of calls in its memo ({@link LegacyChatMemo}). They become
 * {@code pendingCalls}, {@code partialResults} and {@code delegationsDone}; runs of the current loop pass
 * unchanged.
 */
final class LegacyRun {
    private LegacyRun() {
    }

    static void upgrade(ObjectNode run) {
        ObjectNode memo = run.get("memo") instanceof ObjectNode m ? m : run.putObject("memo");
        LegacyChatMemo.Queue queue = LegacyChatMemo.take(memo);
        JsonNode delegation = run.remove("delegation");
        JsonNode delegateResult = run.remove("delegateResult");
        JsonNode toolResult = run.remove("toolResult");
        run.remove("pendingToolCallId");
        if (delegation != null) {
            run.put("delegationsDone", 1);
        }
        if (queue == null) {
            return;
        }
        ArrayNode partial = run.withArray("partialResults");
        queue.results().forEach(r -> partial.add(RunCalls.textResult(new Action.Call(r.callId(), r.kind(),
                r.skillName(), r.toolName(), null), r.text())));
        Action.Call due = queue.awaiting();
        ArrayNode pending = run.withArray("pendingCalls");
        if (due != null) {
            String content = switch (due.kind()) {
                case DELEGATE -> delegation != null ? delegation.path("result").asText()
                        : delegateResult != null ? delegateResult.asText() : null;
                case SKILL -> toolResult != null ? toolResult.asText() : null;
                case INTERACTIVE -> run.has("answer") ? run.remove("answer").asText() : null;
            };
            if (content != null) {
                partial.add(RunCalls.textResult(due, content));
            } else if (due.kind() == Action.Kind.INTERACTIVE) {
                // still waiting for its answer
                pending.insert(0, RunCalls.toJson(due));
            }
        }
        List<Action.Call> rest = queue.pending();
        rest.forEach(c -> pending.add(RunCalls.toJson(c)));
    }
}
