package ai.perstack.client.env;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/** {@code client.env().secrets()}: list, get, create, update and delete secrets. Blocking; never throws for API failures. */
public final class SecretsApi {
    private final AsyncSecretsApi async;

    /**
     * Used by the client; obtain through {@code client.env().secrets()}.
     *
     * @param async the asynchronous API that this one waits on
     */
    public SecretsApi(AsyncSecretsApi async) {
        this.async = async;
    }

    /**
     * Lists all secrets, sorted by name.
     *
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListSecretsResponse> list() {
        return async.list().join();
    }

    /**
     * Lists all secrets, sorted by name.
     *
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListSecretsResponse> list(RequestOptions options) {
        return async.list(options).join();
    }

    /**
     * Gets one secret.
     *
     * @param name the secret name
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> get(String name) {
        return async.get(name).join();
    }

    /**
     * Gets one secret.
     *
     * @param name the secret name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> get(String name, RequestOptions options) {
        return async.get(name, options).join();
    }

    /**
     * Creates a secret (409 when a secret or variable already has the name).
     *
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> create(CreateSecretInput input) {
        return async.create(input).join();
    }

    /**
     * Creates a secret (409 when a secret or variable already has the name).
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> create(CreateSecretInput input, RequestOptions options) {
        return async.create(input, options).join();
    }

    /**
     * Replaces a secret's value.
     *
     * @param name the secret name
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> update(String name, UpdateSecretInput input) {
        return async.update(name, input).join();
    }

    /**
     * Replaces a secret's value.
     *
     * @param name the secret name
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> update(String name, UpdateSecretInput input, RequestOptions options) {
        return async.update(name, input, options).join();
    }

    /**
     * Deletes a secret.
     *
     * @param name the secret name
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> delete(String name) {
        return async.delete(name).join();
    }

    /**
     * Deletes a secret.
     *
     * @param name the secret name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<SecretResponse> delete(String name, RequestOptions options) {
        return async.delete(name, options).join();
    }
}
