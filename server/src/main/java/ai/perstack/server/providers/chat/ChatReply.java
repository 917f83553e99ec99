package ai.perstack.server.providers.chat;

import ai.perstack.server.providers.Usage;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One model reply, read from a provider's wire format.
 *
 * @param text      the reply's text, or null
 * @param reasoning the model's reasoning (thinking) text, or null
 * @param toolCalls the tools the model called, in order
 * @param usage     the tokens the call used, as the provider reported them
 * @param message   the reply as a {@link Conversation} assistant message, for the history
 * @param truncated whether the model stopped at its output limit (OpenAI {@code finish_reason: length},
 *                  Anthropic {@code stop_reason: max_tokens})
 */
public record ChatReply(String text, String reasoning, List<ToolCall> toolCalls, Usage usage, ObjectNode message,
                        boolean truncated) {
    public ChatReply(String text, String reasoning, List<ToolCall> toolCalls, Usage usage, ObjectNode message) {
        this(text, reasoning, toolCalls, usage, message, false);
    }

    /** A tool call: the model's id for it, the tool's name and its arguments. */
    public record ToolCall(String id, String name, ObjectNode args) {
    }
}
