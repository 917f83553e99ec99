package ai.perstack.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.perstack.client.listener.PerstackListener;

/**
 * Client configuration, the counterpart of the TypeScript {@code ApiClientConfig}: the API key
 * (required), the base URL (default {@value #DEFAULT_BASE_URL}), the request timeout (default
 * 30 s) and the retry budget (default 2). {@link #toString()} never shows the key.
 */
public final class ApiClientConfig {
    /** The hosted Perstack API. */
    public static final String DEFAULT_BASE_URL = "https://api.perstack.ai";
    /** Default timeout of one call, retries included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default number of retries of a failed call. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    private final String apiKey;
    private final URI baseUrl;
    private final Duration timeout;
    private final int maxRetries;
    private final HttpClient httpClient;
    private final List<PerstackListener> listeners;

    private ApiClientConfig(Builder b) {
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.httpClient = b.httpClient;
        this.listeners = List.copyOf(b.listeners);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the API key sent as {@code Authorization: Bearer}} */
    public String apiKey() {
        return apiKey;
    }

    /** {@return the base URL, without a trailing slash} */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@return the timeout of one call, retries included, and the default stream idle timeout} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return how often a failed call is retried by default} */
    public int maxRetries() {
        return maxRetries;
    }

    /** {@return the caller's own {@link HttpClient}, if one was given (the client then does not close it)} */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** {@return the listeners that observe calls and streams, in the order they were added} */
    public List<PerstackListener> listeners() {
        return listeners;
    }

    @Override
    public String toString() {
        return "ApiClientConfig[apiKey=" + redact(apiKey) + ", baseUrl=" + baseUrl
                + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }

    /** Shows only that a key is set and its last four characters when it is long enough to hide the rest. */
    static String redact(String key) {
        if (key == null) {
            return "null";
        }
        return key.length() >= 20 ? "****" + key.substring(key.length() - 4) : "****";
    }

    /** Builds {@link ApiClientConfig}. */
    public static final class Builder {
        private String apiKey;
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private HttpClient httpClient;
        private final List<PerstackListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The API key (required).
         *
         * @param apiKey the API key (required)
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * The base URL, e.g. {@code http://127.0.0.1:8080} for the local platform.
         *
         * @param baseUrl the base URL
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            if (baseUrl == null) {
                throw new IllegalArgumentException("baseUrl must not be null");
            }
            return baseUrl(URI.create(baseUrl));
        }

        /**
         * The base URL.
         *
         * @param baseUrl the base URL
         * @return this builder
         */
        public Builder baseUrl(URI baseUrl) {
            if (baseUrl == null || baseUrl.getScheme() == null
                    || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))
                    || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was: " + baseUrl);
            }
            String text = baseUrl.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            this.baseUrl = URI.create(text);
            return this;
        }

        /**
         * The timeout of one call, retries included (default 30 s); must be positive.
         *
         * @param timeout the timeout of one call, retries included (default 30 s); must be positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How often a failed call is retried (default 2, 0 disables retries).
         *
         * @param maxRetries how often a failed call is retried (default 2, 0 disables retries)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Uses the caller's {@link HttpClient} (for proxies, TLS or executors); the client will not close it.
         *
         * @param httpClient the caller's HTTP client
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /**
         * Adds a listener that observes every call, retry and checkpoint stream (for metrics and
         * tracing); listeners are called in the order they were added.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PerstackListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            this.listeners.add(listener);
            return this;
        }

        /** {@return the configuration; throws {@link IllegalArgumentException} when the API key is missing or blank} */
        public ApiClientConfig build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey is required");
            }
            if (apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
            }
            return new ApiClientConfig(this);
        }
    }
}
