package ai.perstack.server.providers.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Collection;

/**
 * One model call, before it is put into a provider's wire format.
 *
 * @param model           the model to call
 * @param system          the system prompt (see {@link SystemPrompt})
 * @param messages        the conversation so far, in {@link Conversation} form
 * @param tools           the tools offered
 * @param reasoningBudget the job's reasoning budget
 */
public record ChatRequest(String model, String system, ArrayNode messages, Collection<ChatTool> tools,
                          ai.perstack.server.providers.ReasoningBudget reasoningBudget) {
}
