package ai.perstack.client.env;

import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;
import ai.perstack.client.internal.Transport;

import java.util.concurrent.CompletableFuture;

import static ai.perstack.client.internal.Paths.segment;

/** {@code client.async().env().secrets()}: the secret calls, returning futures that always complete normally. */
public final class AsyncSecretsApi {
    private static final String BASE = "/api/v1/env/secrets";
    private static final int MAX_VALUE_CHARS = 64 * 1024;
    private final Transport transport;

    /**
     * Used by the client; obtain through {@code client.async().env().secrets()}.
     *
     * @param transport the client's transport
     */
    @SuppressWarnings("exports") // the client constructs these; Transport is not API
    public AsyncSecretsApi(Transport transport) {
        this.transport = transport;
    }

    private static void checkValue(Check check, String value) {
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            check.problem("value", "must be at most 65536 characters");
        }
    }

    /**
     * {@code GET /env/secrets}.
     *
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListSecretsResponse>> list() {
        return list(RequestOptions.none());
    }

    /**
     * {@code GET /env/secrets}.
     *
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<ListSecretsResponse>> list(RequestOptions options) {
        return transport.send(Call.get(BASE, null, options, ListSecretsResponse::read));
    }

    /**
     * {@code GET /env/secrets/{name}}.
     *
     * @param name the secret name
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> get(String name) {
        return get(name, RequestOptions.none());
    }

    /**
     * {@code GET /env/secrets/{name}}.
     *
     * @param name the secret name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> get(String name, RequestOptions options) {
        return transport.send(Check.start().envName("name", name),
                () -> Call.get(BASE + "/" + segment(name), null, options, SecretResponse::read));
    }

    /**
     * {@code POST /env/secrets}.
     *
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> create(CreateSecretInput input) {
        return create(input, RequestOptions.none());
    }

    /**
     * {@code POST /env/secrets}.
     *
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> create(CreateSecretInput input, RequestOptions options) {
        Check check = Check.start().required("input", input);
        if (input != null) {
            check.envName("name", input.name());
            checkValue(check, input.value());
        }
        return transport.send(check, () -> Call.post(BASE, input.toJson(), options, SecretResponse::read));
    }

    /**
     * {@code POST /env/secrets/{name}}.
     *
     * @param name the secret name
     * @param input the request body, validated before it is sent
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> update(String name, UpdateSecretInput input) {
        return update(name, input, RequestOptions.none());
    }

    /**
     * {@code POST /env/secrets/{name}}.
     *
     * @param name the secret name
     * @param input the request body, validated before it is sent
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> update(String name, UpdateSecretInput input, RequestOptions options) {
        Check check = Check.start().envName("name", name).required("input", input);
        if (input != null) {
            checkValue(check, input.value());
        }
        return transport.send(check, () -> Call.post(BASE + "/" + segment(name), input.toJson(), options, SecretResponse::read));
    }

    /**
     * {@code DELETE /env/secrets/{name}}.
     *
     * @param name the secret name
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> delete(String name) {
        return delete(name, RequestOptions.none());
    }

    /**
     * {@code DELETE /env/secrets/{name}}.
     *
     * @param name the secret name
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return a future of {@code Ok} with the response, or {@code Err} with the failure; never completed exceptionally
     */
    public CompletableFuture<ApiResult<SecretResponse>> delete(String name, RequestOptions options) {
        return transport.send(Check.start().envName("name", name),
                () -> Call.delete(BASE + "/" + segment(name), options, SecretResponse::read));
    }
}
