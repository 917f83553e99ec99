package ai.perstack.client;

import ai.perstack.client.applications.ApplicationsApi;
import ai.perstack.client.env.EnvApi;
import ai.perstack.client.experts.ExpertsApi;
import ai.perstack.client.internal.Transport;
import ai.perstack.client.jobs.JobsApi;

import java.time.Duration;

/**
 * The Perstack API client, the Java counterpart of the TypeScript {@code createApiClient}.
 *
 * <pre>{@code
 * PerstackClient client = PerstackClient.create(ApiClientConfig.builder().apiKey("...").build());
 * ApiResult<ListApplicationsResponse> result = client.applications().list();
 * if (result.ok()) {
 *     result.data().data().applications().forEach(a -> System.out.println(a.name()));
 * } else {
 *     System.err.println(result.error().message());
 * }
 * }</pre>
 *
 * <p>Four modules as in TypeScript: {@link #applications()}, {@link #env()}, {@link #jobs()},
 * {@link #experts()}; every call has an overload taking {@link RequestOptions} last, and an
 * asynchronous twin under {@link #async()}. Thread-safe: create one and share it;
 * {@link #close()} releases its threads.
 */
public final class PerstackClient implements AutoCloseable {
    private final ApiClientConfig config;
    private final Transport transport;
    private final AsyncPerstackClient async;
    private final ApplicationsApi applications;
    private final EnvApi env;
    private final JobsApi jobs;
    private final ExpertsApi experts;

    private PerstackClient(ApiClientConfig config) {
        this.config = config;
        this.transport = new Transport(config);
        this.async = new AsyncPerstackClient(transport);
        this.applications = new ApplicationsApi(async.applications());
        this.env = new EnvApi(async.env());
        this.jobs = new JobsApi(async.jobs());
        this.experts = new ExpertsApi(async.experts());
    }

    /** A client for {@code config}. */
    public static PerstackClient create(ApiClientConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        return new PerstackClient(config);
    }

    /** A builder of a client; {@code apiKey} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code PERSTACK_API_KEY} (required) and
     * {@code PERSTACK_BASE_URL}; the system properties {@code perstack.apiKey} and
     * {@code perstack.baseUrl} win over them.
     *
     * @throws IllegalArgumentException when no API key is set
     */
    public static PerstackClient fromEnv() {
        String key = firstNonBlank(System.getProperty("perstack.apiKey"), System.getenv("PERSTACK_API_KEY"));
        if (key == null) {
            throw new IllegalArgumentException("set PERSTACK_API_KEY (or the system property perstack.apiKey)");
        }
        ApiClientConfig.Builder b = ApiClientConfig.builder().apiKey(key);
        String url = firstNonBlank(System.getProperty("perstack.baseUrl"), System.getenv("PERSTACK_BASE_URL"));
        if (url != null) {
            b.baseUrl(url);
        }
        return create(b.build());
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    /** The configuration. */
    public ApiClientConfig config() {
        return config;
    }

    /** The asynchronous twin of every call. */
    public AsyncPerstackClient async() {
        return async;
    }

    /** Application management. */
    public ApplicationsApi applications() {
        return applications;
    }

    /** Secrets and variables. */
    public EnvApi env() {
        return env;
    }

    /** Jobs and their checkpoints. */
    public JobsApi jobs() {
        return jobs;
    }

    /** Expert scopes, drafts and versions. */
    public ExpertsApi experts() {
        return experts;
    }

    /** Releases the client's threads; pending calls end. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "PerstackClient[" + config + "]";
    }

    /** Builds a {@link PerstackClient}; the same settings as {@link ApiClientConfig.Builder}. */
    public static final class Builder {
        private final ApiClientConfig.Builder config = ApiClientConfig.builder();

        private Builder() {
        }

        /** The API key (required). */
        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        /** The base URL (default {@value ApiClientConfig#DEFAULT_BASE_URL}). */
        public Builder baseUrl(String baseUrl) {
            config.baseUrl(baseUrl);
            return this;
        }

        /** The timeout of one call (default 30 s). */
        public Builder timeout(Duration timeout) {
            config.timeout(timeout);
            return this;
        }

        /** Retries of a failed call (default 2). */
        public Builder maxRetries(int maxRetries) {
            config.maxRetries(maxRetries);
            return this;
        }

        /** Uses the caller's HTTP client. */
        public Builder httpClient(java.net.http.HttpClient httpClient) {
            config.httpClient(httpClient);
            return this;
        }

        /** The client. */
        public PerstackClient build() {
            return create(config.build());
        }
    }
}
