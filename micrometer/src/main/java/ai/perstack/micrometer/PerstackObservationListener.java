package ai.perstack.micrometer;

import ai.perstack.client.ApiError;
import ai.perstack.client.jobs.Usage;
import ai.perstack.client.listener.PerstackListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes a Perstack client with Micrometer: one {@link Observation} per call, named
 * {@value #CALLS} (a timer, and with a tracing bridge a span, per call), and counters of retries,
 * stream connects, reconnects, checkpoints, stream ends and token usage.
 *
 * <pre>{@code
 * PerstackClient client = PerstackClient.builder()
 *         .apiKey(key)
 *         .listener(PerstackObservationListener.create(observationRegistry, meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>Low-cardinality tags only on meters: {@code method}, {@code uri} (the path template, e.g.
 * {@code /api/v1/jobs/{jobId}}), {@code status} and {@code outcome}; the response's request id is
 * a high-cardinality key value of the observation (it reaches spans, not meters). Counters need a
 * {@link MeterRegistry}; without one only the observations are made.
 */
public final class PerstackObservationListener implements PerstackListener {
    /** The observation of each call. */
    public static final String CALLS = "perstack.client.requests";
    /** Retries scheduled, tagged {@code method}, {@code uri}, {@code status}. */
    public static final String RETRIES = "perstack.client.retries";
    /** Stream connects, tagged {@code reconnect} ({@code true} for all but the first). */
    public static final String STREAM_CONNECTS = "perstack.client.stream.connects";
    /** Stream connections lost that will be reconnected. */
    public static final String STREAM_RECONNECTS = "perstack.client.stream.reconnects";
    /** Checkpoints yielded by streams. */
    public static final String STREAM_CHECKPOINTS = "perstack.client.stream.checkpoints";
    /** Streams ended, tagged {@code outcome}: {@code done}, {@code error} or {@code closed}, and {@code status}. */
    public static final String STREAM_ENDS = "perstack.client.stream.ends";
    /** Tokens of the checkpoints streams yielded, tagged {@code type}: input, output, reasoning, cached-input. */
    public static final String TOKENS = "perstack.client.tokens";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Map<Long, Observation> inFlight = new ConcurrentHashMap<>();

    private PerstackObservationListener(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.meters = meters;
    }

    /**
     * A listener making observations of calls, and counters in {@code meters}.
     *
     * @param observations where the call observations go
     * @param meters where the counters go, or null for none
     * @return the listener, to register with {@code ApiClientConfig.Builder.listener}
     */
    public static PerstackObservationListener create(ObservationRegistry observations, MeterRegistry meters) {
        return new PerstackObservationListener(observations, meters);
    }

    /**
     * A listener making observations of calls only.
     *
     * @param observations where the call observations go
     * @return the listener
     */
    public static PerstackObservationListener create(ObservationRegistry observations) {
        return new PerstackObservationListener(observations, null);
    }

    @Override
    public void onCallStart(CallStart event) {
        Observation observation = Observation.createNotStarted(CALLS, observations)
                .contextualName(event.method() + " " + event.pathTemplate())
                .lowCardinalityKeyValue("method", event.method())
                .lowCardinalityKeyValue("uri", event.pathTemplate());
        inFlight.put(event.callId(), observation.start());
    }

    @Override
    public void onRetry(Retry event) {
        Observation observation = inFlight.get(event.callId());
        if (observation != null) {
            observation.event(Observation.Event.of("retry", "retry after status " + event.status()));
        }
        if (meters != null) {
            Counter.builder(RETRIES).description("Retries of Perstack calls")
                    .tag("method", event.method()).tag("uri", event.pathTemplate()).tag("status", Integer.toString(event.status()))
                    .register(meters).increment();
        }
    }

    @Override
    public void onCallEnd(CallEnd event) {
        Observation observation = inFlight.remove(event.callId());
        if (observation == null) {
            return;
        }
        observation.lowCardinalityKeyValue("status", Integer.toString(event.status()))
                .lowCardinalityKeyValue("outcome", outcome(event));
        event.requestId().ifPresent(id -> observation.highCardinalityKeyValue("request.id", id));
        event.error().ifPresent(error -> observation.error(error.toException()));
        observation.stop();
    }

    /** SUCCESS, CLIENT_ERROR, SERVER_ERROR, or for calls without a response ABORTED or NETWORK_ERROR. */
    private static String outcome(CallEnd event) {
        if (event.ok()) {
            return "SUCCESS";
        }
        ApiError error = event.error().orElseThrow();
        if (error.code() >= 500) {
            return "SERVER_ERROR";
        }
        if (error.code() >= 400) {
            return "CLIENT_ERROR";
        }
        return error.aborted() ? "ABORTED" : error.reason() instanceof Map<?, ?> ? "INVALID" : "NETWORK_ERROR";
    }

    @Override
    public void onStreamConnect(StreamConnect event) {
        if (meters != null) {
            Counter.builder(STREAM_CONNECTS).description("Connects of Perstack checkpoint streams")
                    .tag("reconnect", Boolean.toString(event.attempt() > 0)).register(meters).increment();
        }
    }

    @Override
    public void onStreamReconnect(StreamReconnect event) {
        if (meters != null) {
            Counter.builder(STREAM_RECONNECTS).description("Lost connections of Perstack checkpoint streams")
                    .register(meters).increment();
        }
    }

    @Override
    public void onStreamCheckpoint(StreamCheckpoint event) {
        if (meters == null) {
            return;
        }
        Counter.builder(STREAM_CHECKPOINTS).description("Checkpoints received on Perstack streams").register(meters).increment();
        Usage usage = event.checkpoint().usage();
        tokens("input", usage.inputTokens());
        tokens("output", usage.outputTokens());
        tokens("reasoning", usage.reasoningTokens());
        tokens("cached-input", usage.cachedInputTokens());
    }

    private void tokens(String type, long amount) {
        if (amount > 0) {
            Counter.builder(TOKENS).description("Tokens used by the steps of streamed Perstack jobs").baseUnit("tokens")
                    .tag("type", type).register(meters).increment(amount);
        }
    }

    @Override
    public void onStreamDone(StreamDone event) {
        if (meters != null) {
            String outcome = event.status().isPresent() ? "done" : event.error().isPresent() ? "error" : "closed";
            Counter.builder(STREAM_ENDS).description("Ends of Perstack checkpoint streams")
                    .tag("outcome", outcome).tag("status", event.status().map(s -> s.value()).orElse("none"))
                    .register(meters).increment();
        }
    }
}
