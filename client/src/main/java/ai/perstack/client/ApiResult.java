package ai.perstack.client;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a call: {@link Ok} with the response, or {@link Err} with an {@link ApiError}.
 * Calls never throw for API, network, timeout or abort failures; use {@link #orElseThrow()}
 * when an exception suits the caller better.
 *
 * <pre>{@code
 * ApiResult<ApplicationResponse> r = client.applications().get("app-id");
 * if (r instanceof ApiResult.Ok<ApplicationResponse> ok) {
 *     System.out.println(ok.data().data().application().name());
 * } else {
 *     System.err.println(r.error().message());
 * }
 * }</pre>
 *
 * @param <T> the response type
 */
public sealed interface ApiResult<T> permits ApiResult.Ok, ApiResult.Err {

    /**
     * A successful call.
     *
     * @param data the decoded response
     * @param <T>  the response type
     */
    record Ok<T>(T data) implements ApiResult<T> {
        /**
         * Creates a success; {@code data} must not be null.
         *
         * @param data the response
         */
        public Ok {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean ok() {
            return true;
        }

        @Override
        public ApiError error() {
            throw new IllegalStateException("the call succeeded; there is no error");
        }
    }

    /**
     * A failed call.
     *
     * @param error why it failed
     * @param <T>   the response type it would have had
     */
    record Err<T>(ApiError error) implements ApiResult<T> {
        /**
         * Creates a failure; {@code error} must not be null.
         *
         * @param error the failure
         */
        public Err {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean ok() {
            return false;
        }

        @Override
        public T data() {
            throw error.toException();
        }
    }

    /**
     * A success holding {@code data}.
     *
     * @param <T> the type of the response
     * @param data the response
     * @return a success holding {@code data}
     */
    static <T> ApiResult<T> success(T data) {
        return new Ok<>(data);
    }

    /**
     * A failure holding {@code error}.
     *
     * @param <T> the type a success would hold
     * @param error the failure
     * @return a failure holding {@code error}
     */
    static <T> ApiResult<T> failure(ApiError error) {
        return new Err<>(error);
    }

    /** {@return true for {@link Ok}} */
    boolean ok();

    /** {@return the response; on {@link Err} throws the same exception as {@link #orElseThrow()}} */
    T data();

    /** {@return the error; on {@link Ok} throws {@link IllegalStateException}} */
    ApiError error();

    /**
     * Transforms the response of a success; a failure passes through unchanged.
     *
     * @param <U> the type of the transformed response
     * @param mapper transforms the response
     * @return a success holding the transformed response, or this failure
     */
    @SuppressWarnings("unchecked")
    default <U> ApiResult<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.data()));
        }
        return (ApiResult<U>) this;
    }

    /** {@return the response, or a {@link PerstackException} subclass chosen by the error: 400 {@link BadRequestException}, 401 {@link AuthenticationException}, 403 {@link PermissionDeniedException}, 404 {@link NotFoundException}, 409 {@link ConflictException}, 429 {@link RateLimitException}, 5xx {@link ServerException}, and for code 0 {@link ConnectionException}, {@link AbortedException} or {@link ValidationException}} */
    default T orElseThrow() {
        return data();
    }
}
