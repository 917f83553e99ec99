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
        // The blocking API runs each call on the caller's thread: no hand-off to another thread and back.
        AsyncPerstackClient blocking = new AsyncPerstackClient(transport.blocking());
        this.applications = new ApplicationsApi(blocking.applications());
        this.env = new EnvApi(blocking.env());
        this.jobs = new JobsApi(blocking.jobs());
        this.experts = new ExpertsApi(blocking.experts());
    }

    /**
     * A client for {@code config}.
     *
     * @param config the API key, base URL, timeout and retries
     * @return a new client; close it when done
     */
    public static PerstackClient create(ApiClientConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        return new PerstackClient(config);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code PERSTACK_API_KEY} (required) and
     * {@code PERSTACK_BASE_URL}; the system properties {@code perstack.apiKey} and
     * {@code perstack.baseUrl} win over them.
     *
     * @return a new client; close it when done
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

    /** {@return the configuration} */
    public ApiClientConfig config() {
        return config;
    }

    /** {@return the asynchronous twin of every call} */
    public AsyncPerstackClient async() {
        return async;
    }

    /**
     * Application management.
     *
     * @return the applications API
     */
    public ApplicationsApi applications() {
        return applications;
    }

    /**
     * Secrets and variables.
     *
     * @return the environment API: secrets and variables
     */
    public EnvApi env() {
        return env;
    }

    /**
     * Jobs and their checkpoints.
     *
     * @return the jobs API
     */
    public JobsApi jobs() {
        return jobs;
    }

    /**
     * Expert scopes, drafts and versions.
     *
     * @return the experts API
     */
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

        /**
         * The API key (required).
         *
         * @param apiKey the API key (required)
         * @return this builder
         */
        public Builder apiKey(String apiKey) {
            config.apiKey(apiKey);
            return this;
        }

        /**
         * The base URL (default {@value ApiClientConfig#DEFAULT_BASE_URL}).
         *
         * @param baseUrl the base URL (default {@value ApiClientConfig#DEFAULT_BASE_URL})
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            config.baseUrl(baseUrl);
            return this;
        }

        /**
         * The timeout of one call (default 30 s).
         *
         * @param timeout the timeout of one call (default 30 s)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            config.timeout(timeout);
            return this;
        }

        /**
         * Retries of a failed call (default 2).
         *
         * @param maxRetries retries of a failed call (default 2)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            config.maxRetries(maxRetries);
            return this;
        }

        /**
         * Uses the caller's HTTP client.
         *
         * @param httpClient the caller's HTTP client
         * @return this builder
         */
        public Builder httpClient(java.net.http.HttpClient httpClient) {
            config.httpClient(httpClient);
            return this;
        }

        /**
         * Adds a listener that observes every call, retry and checkpoint stream.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ai.perstack.client.listener.PerstackListener listener) {
            config.listener(listener);
            return this;
        }

        /** {@return the client} */
        public PerstackClient build() {
            return create(config.build());
        }
    }
}
