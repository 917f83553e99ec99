package ai.perstack.client.env;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;

/** {@code client.env().variables()}: list, get, create, update and delete variables. Blocking; never throws for API failures. */
public final class VariablesApi {
    private final AsyncVariablesApi async;

    /**
     * Used by the client; obtain through {@code client.env().variables()}.
     *
     * @param async the asynchronous API that this one waits on
     */
    public VariablesApi(AsyncVariablesApi async) {
        this.async = async;
    }

    /**
     * Lists all variables, sorted by name.
     *
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListVariablesResponse> list() {
        return async.list().join();
    }

    /**
     * Lists all variables, sorted by name.
     *
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<ListVariablesResponse> list(RequestOptions options) {
        return async.list(options).join();
    }

    /**
     * Gets one variable.
     *
     * @param name the variable name
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> get(String name) {
        return async.get(name).join();
    }

    /**
     * Gets one variable.
     *
     * @param name the variable name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> get(String name, RequestOptions options) {
        return async.get(name, options).join();
    }

    /**
     * Creates a variable (409 when a secret or variable already has the name).
     *
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> create(CreateVariableInput input) {
        return async.create(input).join();
    }

    /**
     * Creates a variable (409 when a secret or variable already has the name).
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> create(CreateVariableInput input, RequestOptions options) {
        return async.create(input, options).join();
    }

    /**
     * Replaces a variable's value.
     *
     * @param name the variable name
     * @param input the request body, validated before it is sent
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> update(String name, UpdateVariableInput input) {
        return async.update(name, input).join();
    }

    /**
     * Replaces a variable's value.
     *
     * @param name the variable name
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> update(String name, UpdateVariableInput input, RequestOptions options) {
        return async.update(name, input, options).join();
    }

    /**
     * Deletes a variable.
     *
     * @param name the variable name
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> delete(String name) {
        return async.delete(name).join();
    }

    /**
     * Deletes a variable.
     *
     * @param name the variable name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return {@code Ok} with the response, or {@code Err} with the failure
     */
    public ApiResult<VariableResponse> delete(String name, RequestOptions options) {
        return async.delete(name, options).join();
    }
}
