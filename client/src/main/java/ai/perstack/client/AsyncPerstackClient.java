package ai.perstack.client;

import ai.perstack.client.applications.AsyncApplicationsApi;
import ai.perstack.client.env.AsyncEnvApi;
import ai.perstack.client.experts.AsyncExpertsApi;
import ai.perstack.client.jobs.AsyncJobsApi;

/**
 * {@code client.async()}: the same modules and calls as {@link PerstackClient}, each returning a
 * {@link java.util.concurrent.CompletableFuture} of {@link ApiResult} that never completes
 * exceptionally. Shares the client's connections and configuration.
 */
public final class AsyncPerstackClient {
    private final AsyncApplicationsApi applications;
    private final AsyncEnvApi env;
    private final AsyncJobsApi jobs;
    private final AsyncExpertsApi experts;

    AsyncPerstackClient(ai.perstack.client.internal.Transport transport) {
        this.applications = new AsyncApplicationsApi(transport);
        this.env = new AsyncEnvApi(transport);
        this.jobs = new AsyncJobsApi(transport);
        this.experts = new AsyncExpertsApi(transport);
    }

    /**
     * Application management.
     *
     * @return the applications API
     */
    public AsyncApplicationsApi applications() {
        return applications;
    }

    /**
     * Secrets and variables.
     *
     * @return the environment API: secrets and variables
     */
    public AsyncEnvApi env() {
        return env;
    }

    /**
     * Jobs and their checkpoints.
     *
     * @return the jobs API
     */
    public AsyncJobsApi jobs() {
        return jobs;
    }

    /**
     * Expert scopes, drafts and versions.
     *
     * @return the experts API
     */
    public AsyncExpertsApi experts() {
        return experts;
    }
}
