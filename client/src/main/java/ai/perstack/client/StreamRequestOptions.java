package ai.perstack.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Options for streaming calls: everything of {@link RequestOptions} plus
 * {@link #streamIdleTimeout()}, the longest wait for the next bytes before the stream ends with
 * an aborted error (default: the client's timeout).
 */
public final class StreamRequestOptions extends RequestOptions {
    private static final StreamRequestOptions NONE = new StreamRequestOptions(new Builder());
    private final Duration streamIdleTimeout;

    private StreamRequestOptions(Builder builder) {
        super(builder);
        this.streamIdleTimeout = builder.streamIdleTimeout;
    }

    /**
     * Options that change nothing.
     *
     * @return options that change nothing
     */
    public static StreamRequestOptions none() {
        return NONE;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Stream options carrying the settings of {@code options}.
     *
     * @param options per-call options: abort signal, timeout, extra headers, retries
     * @return stream options carrying the settings of {@code options}
     */
    public static StreamRequestOptions of(RequestOptions options) {
        if (options instanceof StreamRequestOptions s) {
            return s;
        }
        Builder b = new Builder();
        options.signal().ifPresent(b::signal);
        options.timeout().ifPresent(b::timeout);
        options.headers().forEach(b::header);
        options.maxRetries().ifPresent(b::maxRetries);
        return b.build();
    }

    /** {@return the idle timeout between chunks, if it overrides the client's timeout} */
    public Optional<Duration> streamIdleTimeout() {
        return Optional.ofNullable(streamIdleTimeout);
    }

    /** Builds {@link StreamRequestOptions}. */
    public static final class Builder extends RequestOptions.Builder {
        private Duration streamIdleTimeout;

        Builder() {
        }

        /**
         * Ends the stream when no bytes arrive for {@code timeout}; must be positive.
         *
         * @param timeout the longest wait for bytes; must be positive
         * @return this builder
         */
        public Builder streamIdleTimeout(Duration timeout) {
            if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
                throw new IllegalArgumentException("streamIdleTimeout must be positive");
            }
            this.streamIdleTimeout = timeout;
            return this;
        }

        @Override
        public Builder signal(AbortSignal signal) {
            super.signal(signal);
            return this;
        }

        @Override
        public Builder timeout(Duration timeout) {
            super.timeout(timeout);
            return this;
        }

        @Override
        public Builder header(String name, String value) {
            super.header(name, value);
            return this;
        }

        @Override
        public Builder maxRetries(int maxRetries) {
            super.maxRetries(maxRetries);
            return this;
        }

        @Override
        public StreamRequestOptions build() {
            return new StreamRequestOptions(this);
        }
    }
}
