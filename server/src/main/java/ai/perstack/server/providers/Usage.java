package ai.perstack.server.providers;

/** Tokens one step used, as the provider reports them. */
public record Usage(long inputTokens, long outputTokens, long reasoningTokens, long cachedInputTokens) {
    /** No tokens, for steps the runtime takes without a model. */
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    /** This usage and {@code other} added up. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                reasoningTokens + other.reasoningTokens, cachedInputTokens + other.cachedInputTokens);
    }

    public long totalTokens() {
        return inputTokens + outputTokens + reasoningTokens;
    }
}
