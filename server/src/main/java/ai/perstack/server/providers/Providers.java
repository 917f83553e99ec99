package ai.perstack.server.providers;

import ai.perstack.server.providers.anthropic.AnthropicProvider;
import ai.perstack.server.providers.openai.DeepSeekProvider;
import ai.perstack.server.providers.openai.GoogleProvider;
import ai.perstack.server.providers.openai.OllamaProvider;
import ai.perstack.server.providers.openai.OpenAiProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The providers the contract knows, and the ones this server can run. */
public final class Providers {
    /** Every provider name of the contract. */
    public static final List<String> KNOWN = List.of("anthropic", "openai", "google", "deepseek", "ollama",
            "azure-openai", "amazon-bedrock", "google-vertex", "mock");

    private final Map<String, ModelProvider> available;

    public Providers(List<ModelProvider> providers) {
        this.available = providers.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(ModelProvider::name, p -> p));
    }

    /** The built-in set with default settings (see {@link #builtIn(ProviderSettings)}). */
    public static Providers builtIn() {
        return builtIn(ProviderSettings.defaults());
    }

    /** The built-in set: {@code mock}, {@code openai}, {@code anthropic}, {@code deepseek}, {@code ollama}, {@code google}. */
    public static Providers builtIn(ProviderSettings settings) {
        return new Providers(List.of(new MockProvider(), new OpenAiProvider(settings), new AnthropicProvider(settings),
                new DeepSeekProvider(settings), new OllamaProvider(settings), new GoogleProvider(settings)));
    }

    public Optional<ModelProvider> find(String name) {
        return Optional.ofNullable(available.get(name));
    }
}
