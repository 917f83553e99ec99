package ai.perstack.server.providers;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The built-in table of model context sizes behind a checkpoint's {@code contextWindow}, matched on the model
 * name's prefix (first match wins, so longer prefixes come first). Models it does not know get none, as in core.
 */
public final class ContextWindows {
    private static final List<Map.Entry<String, Long>> TABLE = List.of(
            Map.entry("claude-", 200_000L),
            Map.entry("gpt-5", 400_000L),
            Map.entry("gpt-4.1", 1_047_576L),
            Map.entry("gpt-4o", 128_000L),
            Map.entry("o1", 200_000L),
            Map.entry("o3", 200_000L),
            Map.entry("o4", 200_000L),
            Map.entry("gemini-", 1_048_576L),
            Map.entry("deepseek-", 128_000L));

    private ContextWindows() {
    }

    /** {@return the context size of {@code model}, empty when unknown or null} */
    public static OptionalLong of(String model) {
        if (model != null) {
            for (Map.Entry<String, Long> e : TABLE) {
                if (model.startsWith(e.getKey())) {
                    return OptionalLong.of(e.getValue());
                }
            }
        }
        return OptionalLong.empty();
    }
}
