package ai.perstack.server.providers.openai;

import ai.perstack.server.providers.ProviderSettings;

/**
 * An Ollama server, through its OpenAI-compatible API: {@code POST {server}/v1/chat/completions}, no key (core's
 * {@code ollama} provider has none). The server is the operator's ({@code OLLAMA_BASE_URL}, read as
 * {@link ProviderSettings#ollamaBaseUrl(String)} says; default {@code http://127.0.0.1:11434}). Ollama has no model of
 * its own to fall back on, so a job must name one (say {@code llama3.2}); the reasoning budget is not sent (core
 * turns it into Ollama's native {@code think}, which the compatible API does not take).
 */
public final class OllamaProvider extends ChatCompletionsProvider {

    public OllamaProvider(ProviderSettings settings) {
        // no key; no model of its own to fall back on: the job names the one it pulled
        super(settings, "ollama", null, null, settings.ollamaBaseUrl());
    }
}
