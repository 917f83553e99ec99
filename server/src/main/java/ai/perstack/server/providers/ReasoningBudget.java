package ai.perstack.server.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A job's reasoning budget as Perstack core takes it: a level ({@code none|minimal|low|medium|high}) or a number of
 * thinking tokens. Stored as its text (the level, or the tokens in decimal) and mapped to each provider here, so
 * every adapter maps it the same way.
 *
 * @param level  the level, or null for a token budget
 * @param tokens the thinking tokens (for a level, the level's tokens)
 */
public record ReasoningBudget(String level, long tokens) {
    /** The default when a job gives none. */
    public static final ReasoningBudget DEFAULT = new ReasoningBudget("low", 2048);
    /** What the error message names as allowed. */
    public static final String RULE = "must be one of none, minimal, low, medium, high or a whole number 0.."
            + Integer.MAX_VALUE;
    private static final Map<String, Long> LEVELS = Map.of("none", 0L, "minimal", 1024L, "low", 2048L,
            "medium", 5000L, "high", 10000L);

    /**
     * Reads a request's value.
     *
     * @throws IllegalArgumentException with {@link #RULE} when it is neither a level nor a whole number in range
     */
    public static ReasoningBudget parse(JsonNode value) {
        if (value.isTextual() && LEVELS.containsKey(value.textValue())) {
            return new ReasoningBudget(value.textValue(), LEVELS.get(value.textValue()));
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
            return new ReasoningBudget(null, value.intValue());
        }
        throw new IllegalArgumentException(RULE);
    }

    /** Reads the stored text ({@link #stored()}); a value this server cannot read is the default. */
    public static ReasoningBudget fromStored(String stored) {
        if (stored != null && LEVELS.containsKey(stored)) {
            return new ReasoningBudget(stored, LEVELS.get(stored));
        }
        try {
            return new ReasoningBudget(null, Integer.parseInt(stored));
        } catch (NumberFormatException e) {
            return DEFAULT;
        }
    }

    /** {@return the text stored with the job} */
    public String stored() {
        return level != null ? level : Long.toString(tokens);
    }

    /** {@return the wire value: the level as a string, or the tokens as a number} */
    public Object wire() {
        return level != null ? level : (Object) tokens;
    }

    /** {@return whether reasoning is off ({@code none} or 0)} */
    public boolean off() {
        return tokens == 0;
    }

    /** {@return the OpenAI {@code reasoning_effort}: minimal → low, levels as named, numbers by size; null when off} */
    public String openAiEffort() {
        if (off()) {
            return null;
        }
        if (level != null) {
            return "minimal".equals(level) ? "low" : level;
        }
        return tokens <= 2048 ? "low" : tokens <= 5000 ? "medium" : "high";
    }
}
