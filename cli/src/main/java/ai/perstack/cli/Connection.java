package ai.perstack.cli;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.PerstackClient;
import picocli.CommandLine.Option;

/** The options every API command shares: where the API is and which key to use. */
final class Connection {
    static final String BASE_URL_ENV = "PERSTACK_BASE_URL";
    static final String API_KEY_ENV = "PERSTACK_API_KEY";

    @Option(names = "--base-url", paramLabel = "URL", order = 100,
            description = "API base URL (default: env PERSTACK_BASE_URL, else " + ApiClientConfig.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--api-key", paramLabel = "KEY", order = 101,
            description = "API key (default: env PERSTACK_API_KEY; prefer the variable: options end up in shell history).")
    String apiKey;

    /** A client for these options, or a usage error naming what is missing. */
    PerstackClient client(Io io) {
        String key = apiKey != null && !apiKey.isBlank() ? apiKey : io.getenv(API_KEY_ENV);
        if (key == null) {
            throw new UsageException("no API key: set " + API_KEY_ENV + " or pass --api-key"
                    + " (./perstack serve prints one and saves it to .perstack/api-key)");
        }
        String url = baseUrl != null && !baseUrl.isBlank() ? baseUrl : io.getenv(BASE_URL_ENV);
        PerstackClient.Builder builder = PerstackClient.builder().apiKey(key.strip());
        if (url != null) {
            try {
                builder.baseUrl(url.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid base URL '" + url + "': must be an absolute http or https URL");
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid API key: " + e.getMessage());
        }
    }
}
