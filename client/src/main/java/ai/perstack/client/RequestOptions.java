package ai.perstack.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Per-call options, the counterpart of the TypeScript {@code RequestOptions}: an abort signal,
 * a timeout overriding the client's, extra headers and a retry budget overriding the client's.
 * Immutable; build with {@link #builder()}.
 */
public class RequestOptions {
    private static final RequestOptions NONE = new RequestOptions(new Builder());

    private final AbortSignal signal;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final Integer maxRetries;
    private final Consumer<ResponseInfo> onResponse;

    RequestOptions(Builder builder) {
        this.onResponse = builder.onResponse;
        this.signal = builder.signal;
        this.timeout = builder.timeout;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.maxRetries = builder.maxRetries;
    }

    /**
     * Options that change nothing.
     *
     * @return options that change nothing
     */
    public static RequestOptions none() {
        return NONE;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the abort signal, if any} */
    public Optional<AbortSignal> signal() {
        return Optional.ofNullable(signal);
    }

    /** {@return the timeout for the whole call including retries, if it overrides the client's} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * Extra request headers.
     *
     * @return the extra request headers, possibly empty
     */
    public Map<String, String> headers() {
        return headers;
    }

    /** {@return the retry budget, if it overrides the client's} */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /** {@return what to call with the status, headers and request id of the call's last response, if set} */
    public Optional<Consumer<ResponseInfo>> onResponse() {
        return Optional.ofNullable(onResponse);
    }

    @Override
    public String toString() {
        return "RequestOptions[signal=" + (signal != null) + ", timeout=" + timeout
                + ", headers=" + headers.keySet() + ", maxRetries=" + maxRetries + "]";
    }

    /** Builds {@link RequestOptions}. */
    public static class Builder {
        AbortSignal signal;
        Duration timeout;
        final Map<String, String> headers = new LinkedHashMap<>();
        Integer maxRetries;
        Consumer<ResponseInfo> onResponse;

        Builder() {
        }

        /**
         * Calls {@code onResponse} with the status, headers and {@code Request-Id} of the last
         * response the call received (successful or not), just before the call completes; not
         * called when no response arrived. An exception it throws is ignored.
         *
         * @param onResponse receives the response's information
         * @return this builder
         */
        public Builder onResponse(Consumer<ResponseInfo> onResponse) {
            this.onResponse = onResponse;
            return this;
        }

        /**
         * Aborts the call when {@code signal} fires.
         *
         * @param signal aborts the call when {@code signal} fires
         * @return this builder
         */
        public Builder signal(AbortSignal signal) {
            this.signal = signal;
            return this;
        }

        /**
         * Ends the call (including retries) after {@code timeout}; must be positive.
         *
         * @param timeout ends the call (including retries) after {@code timeout}; must be positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Adds a request header; {@code Authorization} cannot be overridden this way.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("header name and value are required");
            }
            if (name.equalsIgnoreCase("authorization")) {
                throw new IllegalArgumentException("header Authorization is set from the client's API key");
            }
            headers.put(name, value);
            return this;
        }

        /**
         * Retries a failed call at most {@code maxRetries} times (0 disables retries).
         *
         * @param maxRetries retries a failed call at most {@code maxRetries} times (0 disables retries)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** {@return the options} */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
