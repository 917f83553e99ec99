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
 * @param finish    why the model stopped
 */
public record ChatReply(String text, String reasoning, List<ToolCall> toolCalls, Usage usage, ObjectNode message,
                        Finish finish) {
    public ChatReply(String text, String reasoning, List<ToolCall> toolCalls, Usage usage, ObjectNode message) {
        this(text, reasoning, toolCalls, usage, message, Finish.STOP);
    }

    /** Whether the model stopped at its output limit (OpenAI {@code length}, Anthropic {@code max_tokens}). */
    public boolean truncated() {
        return finish == Finish.LENGTH;
    }

    /** A tool call: the model's id for it, the tool's name and its arguments. */
    public record ToolCall(String id, String name, ObjectNode args) {
    }

    /**
     * Why a model stopped, in the terms core judges a reply by (the AI SDK's finish reasons, which each wire's own
     * reasons map to): tool calls go on only after {@code stop} or {@code tool-calls}, or are retried after
     * {@code length}; any other reason fails the run.
     */
    public enum Finish {
        STOP("stop"), TOOL_CALLS("tool-calls"), LENGTH("length"), CONTENT_FILTER("content-filter"), UNKNOWN("unknown");

        private final String coreName;

        Finish(String coreName) {
            this.coreName = coreName;
        }

        /** The reason's name as core reports it ({@code content-filter}). */
        public String coreName() {
            return coreName;
        }

        /** Chat Completions' {@code finish_reason}, as the AI SDK maps it (absent or unknown values are {@code unknown}). */
        public static Finish ofChatCompletions(String reason) {
            return switch (reason == null ? "" : reason) {
                case "stop" -> STOP;
                case "length" -> LENGTH;
                case "content_filter" -> CONTENT_FILTER;
                case "tool_calls", "function_call" -> TOOL_CALLS;
                default -> UNKNOWN;
            };
        }

        /** Anthropic's {@code stop_reason}, as the AI SDK maps it. */
        public static Finish ofAnthropic(String reason) {
            return switch (reason == null ? "" : reason) {
                case "end_turn", "stop_sequence", "pause_turn" -> STOP;
                case "tool_use" -> TOOL_CALLS;
                case "max_tokens" -> LENGTH;
                case "refusal" -> CONTENT_FILTER;
                default -> UNKNOWN;
            };
        }
    }
}
