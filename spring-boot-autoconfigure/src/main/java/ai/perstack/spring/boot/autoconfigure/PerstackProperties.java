package ai.perstack.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code perstack.*} properties of the client beans. {@link #toString()} never shows the key.
 */
@ConfigurationProperties(prefix = "perstack")
public class PerstackProperties {
    /** The API key sent as a bearer token (required). */
    private String apiKey;

    /** The base URL of the Perstack API; the hosted API when unset. */
    private String baseUrl = "https://api.perstack.ai";

    /** The timeout of one call, retries included; also the idle timeout of checkpoint streams. */
    private Duration timeout = Duration.ofSeconds(30);

    /** How often a failed call is retried (0 disables retries). */
    private int maxRetries = 2;

    /** {@return the API key} */
    public String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the API key */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** {@return the base URL} */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the base URL */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@return the call timeout} */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout the call timeout */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@return the retry budget} */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** @param maxRetries the retry budget */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public String toString() {
        return "PerstackProperties[baseUrl=" + baseUrl + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "unset" : "***") + "]";
    }
}
