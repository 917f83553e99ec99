package ai.perstack.client.env;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/** {@code client.async().env().variables()}: the variable calls, returning futures that always complete normally. */
public final class AsyncVariablesApi {
    private static final String BASE = "/api/v1/env/variables";
    private static final int MAX_VALUE_CHARS = 64 * 1024;
    private final Transport transport;

    /**
     * Used by the client; obtain through {@code client.async().env().variables()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncVariablesApi(Transport transport) {
        this.transport = transport;
    }

    private static void checkValue(Check check, String value) {
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            check.problem("value", "must be at most 65536 characters");
        }
    }

    /**
     * {@code GET /env/variables}.
     *
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListVariablesResponse>> list() {
        return list(RequestOptions.none());
    }

    /**
     * {@code GET /env/variables}.
     *
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListVariablesResponse>> list(RequestOptions options) {
        return transport.send(Call.get(BASE, null, options, ListVariablesResponse::read));
    }

    /**
     * {@code GET /env/variables/{name}}.
     *
     * @param name the variable name
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> get(String name) {
        return get(name, RequestOptions.none());
    }

    /**
     * {@code GET /env/variables/{name}}.
     *
     * @param name the variable name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> get(String name, RequestOptions options) {
        return transport.send(Check.start().envName("name", name),
                () -> Call.get(BASE + "/" + segment(name), null, options, VariableResponse::read));
    }

    /**
     * {@code POST /env/variables}.
     *
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> create(CreateVariableInput input) {
        return create(input, RequestOptions.none());
    }

    /**
     * {@code POST /env/variables}.
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> create(CreateVariableInput input, RequestOptions options) {
        Check check = Check.start().required("input", input);
        if (input != null) {
            check.envName("name", input.name());
            checkValue(check, input.value());
        }
        return transport.send(check, () -> Call.post(BASE, input.toJson(), options, VariableResponse::read));
    }

    /**
     * {@code POST /env/variables/{name}}.
     *
     * @param name the variable name
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> update(String name, UpdateVariableInput input) {
        return update(name, input, RequestOptions.none());
    }

    /**
     * {@code POST /env/variables/{name}}.
     *
     * @param name the variable name
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> update(String name, UpdateVariableInput input, RequestOptions options) {
        Check check = Check.start().envName("name", name).required("input", input);
        if (input != null) {
            checkValue(check, input.value());
        }
        return transport.send(check, () -> Call.post(BASE + "/" + segment(name), input.toJson(), options, VariableResponse::read));
    }

    /**
     * {@code DELETE /env/variables/{name}}.
     *
     * @param name the variable name
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> delete(String name) {
        return delete(name, RequestOptions.none());
    }

    /**
     * {@code DELETE /env/variables/{name}}.
     *
     * @param name the variable name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<VariableResponse>> delete(String name, RequestOptions options) {
        return transport.send(Check.start().envName("name", name),
                () -> Call.delete(BASE + "/" + segment(name), options, VariableResponse::read));
    }
}
