package ai.perstack.server.providers.openai;

import ai.perstack.server.providers.ProviderSettings;

/**
 * DeepSeek's API, which speaks Chat Completions: {@code POST {base URL}/chat/completions} with
 * {@code Authorization: Bearer} the secret {@code DEEPSEEK_API_KEY} (core's name). The base URL is the operator's
 * ({@link ProviderSettings#deepSeekBaseUrl()}, default {@code https://api.deepseek.com/v1}). As in core, no
 * reasoning budget is sent: {@code deepseek-reasoner} always reasons, and its {@code reasoning_content} comes back as
 * the step's reasoning.
 */
public final class DeepSeekProvider extends ChatCompletionsProvider {
    public static final String KEY_SECRET = "DEEPSEEK_API_KEY";
    public static final String DEFAULT_MODEL = "deepseek-chat";

    public DeepSeekProvider(ProviderSettings settings) {
        super(settings, "deepseek", KEY_SECRET, DEFAULT_MODEL, settings.deepSeekBaseUrl());
    }
}
