package ai.perstack.server.providers;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the HTTP providers ({@code openai}, {@code anthropic}, {@code deepseek}, {@code ollama}, {@code google}) talk
 * to their servers. Where model calls go is the operator's choice, made here (from {@code perstack serve}'s
 * environment {@code OPENAI_BASE_URL}, {@code ANTHROPIC_BASE_URL}, {@code DEEPSEEK_BASE_URL}, {@code OLLAMA_BASE_URL},
 * {@code GOOGLE_GENERATIVE_AI_BASE_URL} or its flags), never an organization's: a key holder who could name the host would have the platform send the
 * organization's key, and read the answer, wherever it liked.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param requestTimeout   how long one model call may take, from sending the request to the last byte of the response
 * @param retryBaseDelay   the wait before the first retry of a failed call when the server gave no {@code retry-after};
 *                         it doubles with each further retry
 * @param maxRetryDelay    the longest wait before a retry, also when the server's {@code retry-after} asks for more
 * @param openAiBaseUrl    where the {@code openai} provider POSTs {@code /chat/completions}
 * @param anthropicBaseUrl where the {@code anthropic} provider POSTs {@code /v1/messages}
 * @param deepSeekBaseUrl  where the {@code deepseek} provider POSTs {@code /chat/completions}
 * @param ollamaBaseUrl    where the {@code ollama} provider POSTs {@code /chat/completions} (Ollama's
 *                         OpenAI-compatible API, {@code <server>/v1}; see {@link #ollamaBaseUrl(String)})
 * @param googleBaseUrl    where the {@code google} provider POSTs {@code /chat/completions} (the Gemini API's
 *                         OpenAI-compatible endpoint, {@code <API>/openai}; see {@link #googleBaseUrl(String)})
 */
public record ProviderSettings(Duration connectTimeout, Duration requestTimeout, Duration retryBaseDelay,
                               Duration maxRetryDelay, URI openAiBaseUrl, URI anthropicBaseUrl, URI deepSeekBaseUrl,
                               URI ollamaBaseUrl, URI googleBaseUrl) {
    public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";
    public static final String DEFAULT_DEEPSEEK_BASE_URL = "https://api.deepseek.com/v1";
    /** Ollama's default address, as core's {@code OLLAMA_BASE_URL} names it (its native API). */
    public static final String DEFAULT_OLLAMA_BASE_URL = "http://127.0.0.1:11434/api";
    /** The Gemini API, as core's {@code GOOGLE_GENERATIVE_AI_BASE_URL} names it (its native API). */
    public static final String DEFAULT_GOOGLE_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    public ProviderSettings {
        positive("connectTimeout", connectTimeout);
        positive("requestTimeout", requestTimeout);
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (retryBaseDelay.isNegative() || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        Objects.requireNonNull(openAiBaseUrl, "openAiBaseUrl");
        Objects.requireNonNull(anthropicBaseUrl, "anthropicBaseUrl");
        Objects.requireNonNull(deepSeekBaseUrl, "deepSeekBaseUrl");
        Objects.requireNonNull(ollamaBaseUrl, "ollamaBaseUrl");
        Objects.requireNonNull(googleBaseUrl, "googleBaseUrl");
    }

    /**
     * Connect within 10 s, a model call within 180 s, retries after 1 s, 2 s, 4 s... up to 60 s;
     * the providers' public APIs, and Ollama on this machine.
     */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Duration.ofSeconds(10), Duration.ofSeconds(180), Duration.ofSeconds(1),
                Duration.ofSeconds(60), baseUrl("OPENAI_BASE_URL", DEFAULT_OPENAI_BASE_URL),
                baseUrl("ANTHROPIC_BASE_URL", DEFAULT_ANTHROPIC_BASE_URL),
                baseUrl("DEEPSEEK_BASE_URL", DEFAULT_DEEPSEEK_BASE_URL), ollamaBaseUrl(DEFAULT_OLLAMA_BASE_URL),
                googleBaseUrl(DEFAULT_GOOGLE_BASE_URL));
    }

    public ProviderSettings withRequestTimeout(Duration requestTimeout) {
        return new ProviderSettings(connectTimeout, requestTimeout, retryBaseDelay, maxRetryDelay, openAiBaseUrl,
                anthropicBaseUrl, deepSeekBaseUrl, ollamaBaseUrl, googleBaseUrl);
    }

    public ProviderSettings withConnectTimeout(Duration connectTimeout) {
        return new ProviderSettings(connectTimeout, requestTimeout, retryBaseDelay, maxRetryDelay, openAiBaseUrl,
                anthropicBaseUrl, deepSeekBaseUrl, ollamaBaseUrl, googleBaseUrl);
    }

    /** The same settings with other retry waits. */
    public ProviderSettings withRetryDelays(Duration retryBaseDelay, Duration maxRetryDelay) {
        return new ProviderSettings(connectTimeout, requestTimeout, retryBaseDelay, maxRetryDelay, openAiBaseUrl,
                anthropicBaseUrl, deepSeekBaseUrl, ollamaBaseUrl, googleBaseUrl);
    }

    /**
     * The same settings with the {@code openai} provider pointed at {@code url} (an OpenAI-compatible
     * server such as vLLM); null or blank keeps the current one.
     *
     * @throws IllegalArgumentException when the URL is not a plain http(s) URL (see {@link #baseUrl})
     */
    public ProviderSettings withOpenAiBaseUrl(String url) {
        return url == null || url.isBlank() ? this : new ProviderSettings(connectTimeout, requestTimeout,
                retryBaseDelay, maxRetryDelay, baseUrl("OPENAI_BASE_URL", url), anthropicBaseUrl, deepSeekBaseUrl,
                ollamaBaseUrl, googleBaseUrl);
    }

    /** The same settings with the {@code anthropic} provider pointed at {@code url}; null or blank keeps the current one. */
    public ProviderSettings withAnthropicBaseUrl(String url) {
        return url == null || url.isBlank() ? this : new ProviderSettings(connectTimeout, requestTimeout,
                retryBaseDelay, maxRetryDelay, openAiBaseUrl, baseUrl("ANTHROPIC_BASE_URL", url), deepSeekBaseUrl,
                ollamaBaseUrl, googleBaseUrl);
    }

    /** The same settings with the {@code deepseek} provider pointed at {@code url}; null or blank keeps the current one. */
    public ProviderSettings withDeepSeekBaseUrl(String url) {
        return url == null || url.isBlank() ? this : new ProviderSettings(connectTimeout, requestTimeout,
                retryBaseDelay, maxRetryDelay, openAiBaseUrl, anthropicBaseUrl, baseUrl("DEEPSEEK_BASE_URL", url),
                ollamaBaseUrl, googleBaseUrl);
    }

    /**
     * The same settings with the {@code ollama} provider pointed at the Ollama server {@code url} (as
     * {@link #ollamaBaseUrl(String)} reads it); null or blank keeps the current one.
     */
    public ProviderSettings withOllamaBaseUrl(String url) {
        return url == null || url.isBlank() ? this : new ProviderSettings(connectTimeout, requestTimeout,
                retryBaseDelay, maxRetryDelay, openAiBaseUrl, anthropicBaseUrl, deepSeekBaseUrl, ollamaBaseUrl(url),
                googleBaseUrl);
    }

    /**
     * The same settings with the {@code google} provider pointed at the Gemini API {@code url} (as
     * {@link #googleBaseUrl(String)} reads it); null or blank keeps the current one.
     */
    public ProviderSettings withGoogleBaseUrl(String url) {
        return url == null || url.isBlank() ? this : new ProviderSettings(connectTimeout, requestTimeout,
                retryBaseDelay, maxRetryDelay, openAiBaseUrl, anthropicBaseUrl, deepSeekBaseUrl, ollamaBaseUrl,
                googleBaseUrl(url));
    }

    /**
     * These settings with the base URLs an operator's environment names: {@code OPENAI_BASE_URL},
     * {@code ANTHROPIC_BASE_URL}, {@code DEEPSEEK_BASE_URL}, {@code OLLAMA_BASE_URL},
     * {@code GOOGLE_GENERATIVE_AI_BASE_URL}; those it does not name keep theirs.
     *
     * @param environment the operator's variables by name ({@code System::getenv}), null when unset
     */
    public ProviderSettings withBaseUrlsFrom(UnaryOperator<String> environment) {
        return withOpenAiBaseUrl(environment.apply("OPENAI_BASE_URL"))
                .withAnthropicBaseUrl(environment.apply("ANTHROPIC_BASE_URL"))
                .withDeepSeekBaseUrl(environment.apply("DEEPSEEK_BASE_URL"))
                .withOllamaBaseUrl(environment.apply("OLLAMA_BASE_URL"))
                .withGoogleBaseUrl(environment.apply("GOOGLE_GENERATIVE_AI_BASE_URL"));
    }

    /**
     * Where the {@code google} provider's calls go for a {@code GOOGLE_GENERATIVE_AI_BASE_URL} of {@code value}: the
     * Gemini API's OpenAI-compatible endpoint, {@code /openai} under the native API core's value names
     * ({@code https://generativelanguage.googleapis.com/v1beta} becomes {@code …/v1beta/openai}); a URL already
     * ending in {@code /openai} is taken as it is.
     *
     * @throws IllegalArgumentException when the URL is not a plain http(s) URL (see {@link #baseUrl})
     */
    public static URI googleBaseUrl(String value) {
        URI uri = baseUrl("GOOGLE_GENERATIVE_AI_BASE_URL", value);
        return uri.toString().endsWith("/openai") ? uri : URI.create(uri + "/openai");
    }

    /**
     * Where the {@code ollama} provider's calls go for an {@code OLLAMA_BASE_URL} of {@code value}: Ollama's
     * OpenAI-compatible API, {@code /v1} beside the native {@code /api} that core's value names
     * ({@code http://host:11434/api} and {@code http://host:11434} both become {@code http://host:11434/v1});
     * any other path is taken as it is (a proxy's, or one already ending in {@code /v1}).
     *
     * @throws IllegalArgumentException when the URL is not a plain http(s) URL (see {@link #baseUrl})
     */
    public static URI ollamaBaseUrl(String value) {
        URI uri = baseUrl("OLLAMA_BASE_URL", value);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.isEmpty()) {
            return URI.create(uri + "/v1");
        }
        if (path.endsWith("/api")) {
            String text = uri.toString();
            return URI.create(text.substring(0, text.length() - "/api".length()) + "/v1");
        }
        return uri;
    }

    /**
     * The wait before retry number {@code failures} (1 for the first): the server's
     * {@code retryAfter} when given, else the base delay doubled per earlier failure; at most
     * {@link #maxRetryDelay}.
     */
    public Duration retryDelay(int failures, Duration retryAfter) {
        Duration wanted;
        if (retryAfter != null && !retryAfter.isNegative()) {
            wanted = retryAfter;
        } else {
            long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
            wanted = retryBaseDelay.multipliedBy(factor);
        }
        return wanted.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : wanted;
    }

    /**
     * A base URL as the providers use it: {@code http} or {@code https} with a host, no user
     * info, query or fragment (the request path is appended to it), without trailing slashes.
     *
     * @param name what to call it in the error ({@code OPENAI_BASE_URL})
     */
    public static URI baseUrl(String name, String value) {
        String text = value.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an http:// or https:// URL with a host, not " + value);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || text.endsWith("#") || text.endsWith("?")) {
            throw new IllegalArgumentException(name + " must not have user info, a query or a fragment: " + value);
        }
        return uri;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
