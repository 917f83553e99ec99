package ai.perstack.client.env;

/** {@code client.env()}: secrets and variables, which share one namespace per organization. */
public final class EnvApi {
    private final SecretsApi secrets;
    private final VariablesApi variables;

    /**
     * Used by the client; obtain through {@code client.env()}.
     *
     * @param async the asynchronous API that this one waits on
     */
    public EnvApi(AsyncEnvApi async) {
        this.secrets = new SecretsApi(async.secrets());
        this.variables = new VariablesApi(async.variables());
    }

    /**
     * Secrets: write-only values jobs see as environment.
     *
     * @return the secrets API
     */
    public SecretsApi secrets() {
        return secrets;
    }

    /**
     * Variables: plain values jobs see as environment.
     *
     * @return the variables API
     */
    public VariablesApi variables() {
        return variables;
    }
}
