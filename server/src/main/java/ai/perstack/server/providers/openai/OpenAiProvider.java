package ai.perstack.server.providers.openai;

import ai.perstack.server.providers.ProviderSettings;
import ai.perstack.server.providers.ReasoningBudget;
import ai.perstack.server.providers.chat.ChatRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI's Chat Completions API, or any server that speaks it: {@code POST {base URL}/chat/completions} with
 * {@code Authorization: Bearer} the secret {@code OPENAI_API_KEY}. The base URL is the operator's
 * ({@link ProviderSettings#openAiBaseUrl()}); the key is optional when it points at this machine. The job's
 * reasoning budget goes to reasoning models as {@code reasoning_effort} (see {@link ReasoningBudget#openAiEffort()}).
 */
public final class OpenAiProvider extends ChatCompletionsProvider {
    public static final String KEY_SECRET = "OPENAI_API_KEY";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";

    public OpenAiProvider(ProviderSettings settings) {
        super(settings, "openai", KEY_SECRET, DEFAULT_MODEL, settings.openAiBaseUrl());
    }

    @Override
    protected void addReasoning(ObjectNode body, ChatRequest request) {
        String effort = request.reasoningBudget() == null ? null : request.reasoningBudget().openAiEffort();
        if (effort != null && isReasoningModel(request.model())) {
            body.put("reasoning_effort", effort);
        }
    }

    /**
     * Whether the model takes {@code reasoning_effort}: OpenAI's o-series and gpt-5 family. Other models (gpt-4o,
     * local servers) reject the field, so it is left out for them, as the AI SDK does.
     */
    static boolean isReasoningModel(String model) {
        return model != null && (model.matches("^o\\d.*") || model.startsWith("gpt-5"));
    }
}
