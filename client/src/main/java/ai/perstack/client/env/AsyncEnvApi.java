package ai.perstack.client.env;

import ai.perstack.client.internal.Transport;

/** {@code client.async().env()}: secrets and variables, asynchronously. */
public final class AsyncEnvApi {
    private final AsyncSecretsApi secrets;
    private final AsyncVariablesApi variables;

    /**
     * Used by the client; obtain through {@code client.async().env()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncEnvApi(Transport transport) {
        this.secrets = new AsyncSecretsApi(transport);
        this.variables = new AsyncVariablesApi(transport);
    }

    /**
     * Secrets: write-only values jobs see as environment.
     *
     * @return the secrets API
     */
    public AsyncSecretsApi secrets() {
        return secrets;
    }

    /**
     * Variables: plain values jobs see as environment.
     *
     * @return the variables API
     */
    public AsyncVariablesApi variables() {
        return variables;
    }
}
