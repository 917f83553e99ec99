package ai.perstack.server.providers.openai;

import ai.perstack.server.providers.ProviderSettings;

/**
 * Google's Gemini API, through its OpenAI-compatible endpoint: {@code POST {API}/openai/chat/completions} with
 * {@code Authorization: Bearer} the secret {@code GOOGLE_GENERATIVE_AI_API_KEY} (core's name). The API is the
 * operator's ({@code GOOGLE_GENERATIVE_AI_BASE_URL}, read as {@link ProviderSettings#googleBaseUrl(String)} says;
 * default {@code https://generativelanguage.googleapis.com/v1beta}). The reasoning budget is not sent: core sets
 * Gemini's native {@code thinkingConfig}, which this endpoint names differently; Gemini's thinking models then
 * think as their default says.
 */
public final class GoogleProvider extends ChatCompletionsProvider {
    public static final String KEY_SECRET = "GOOGLE_GENERATIVE_AI_API_KEY";
    public static final String DEFAULT_MODEL = "gemini-2.5-flash";

    public GoogleProvider(ProviderSettings settings) {
        super(settings, "google", KEY_SECRET, DEFAULT_MODEL, settings.googleBaseUrl());
    }
}
