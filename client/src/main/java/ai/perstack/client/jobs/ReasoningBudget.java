package ai.perstack.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How much a model may reason, as Perstack core takes it: a named level ({@code none}, {@code minimal}, {@code low},
 * {@code medium}, {@code high}) or a number of thinking tokens (0 = off). A level this client does not know is kept,
 * not rejected, so a job written by a newer server still reads.
 */
public final class ReasoningBudget {
    /** Reasoning off. */
    public static final ReasoningBudget NONE = new ReasoningBudget("none", -1);
    /** About 1024 thinking tokens. */
    public static final ReasoningBudget MINIMAL = new ReasoningBudget("minimal", -1);
    /** About 2048 thinking tokens (the default). */
    public static final ReasoningBudget LOW = new ReasoningBudget("low", -1);
    /** About 5000 thinking tokens. */
    public static final ReasoningBudget MEDIUM = new ReasoningBudget("medium", -1);
    /** About 10000 thinking tokens. */
    public static final ReasoningBudget HIGH = new ReasoningBudget("high", -1);

    private final String level;
    private final long tokens;

    private ReasoningBudget(String level, long tokens) {
        this.level = level;
        this.tokens = tokens;
    }

    /**
     * A named level, known or not.
     *
     * @param level the wire value, e.g. {@code medium}
     * @return the constant for a known level, or a new instance keeping {@code level}
     */
    public static ReasoningBudget of(String level) {
        return switch (Objects.requireNonNull(level, "level")) {
            case "none" -> NONE;
            case "minimal" -> MINIMAL;
            case "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            default -> new ReasoningBudget(level, -1);
        };
    }

    /**
     * A budget of thinking tokens.
     *
     * @param tokens the tokens, 0 or more (0 = off)
     * @return the budget
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public static ReasoningBudget tokens(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("reasoningBudget: tokens must be 0 or more, got " + tokens);
        }
        return new ReasoningBudget(null, tokens);
    }

    /**
     * Parses a command-line or configuration value: digits are a token budget, anything else a level.
     *
     * @param text e.g. {@code medium} or {@code 4096}
     * @return the budget
     */
    public static ReasoningBudget parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return tokens(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("reasoningBudget: " + text + " is too large", e);
            }
        }
        return of(text);
    }

    /**
     * Reads the wire value: a string level or an integer.
     *
     * @param node the JSON value
     * @return the budget
     * @throws IllegalArgumentException if it is neither a string nor a whole number of 0 or more
     */
    public static ReasoningBudget read(JsonNode node) {
        if (node != null && node.isTextual()) {
            return of(node.textValue());
        }
        if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return tokens(node.longValue());
        }
        throw new IllegalArgumentException("reasoningBudget must be a level name or a whole number of 0 or more, got "
                + node);
    }

    /** {@return the level, empty for a token budget} */
    public Optional<String> level() {
        return Optional.ofNullable(level);
    }

    /** {@return the tokens, empty for a level} */
    public OptionalLong tokens() {
        return level == null ? OptionalLong.of(tokens) : OptionalLong.empty();
    }

    /** {@return whether this is one of the five levels core defines, or a token budget} */
    public boolean isKnown() {
        return level == null || java.util.Set.of("none", "minimal", "low", "medium", "high").contains(level);
    }

    /** {@return the wire value: a JSON string for a level, a JSON number for tokens} */
    public JsonNode toJson() {
        return level != null ? JsonNodeFactory.instance.textNode(level) : JsonNodeFactory.instance.numberNode(tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReasoningBudget r && Objects.equals(level, r.level) && tokens == r.tokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, tokens);
    }

    /** {@return the level, or the tokens as a decimal number} */
    @Override
    public String toString() {
        return level != null ? level : Long.toString(tokens);
    }
}
