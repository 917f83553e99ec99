package ai.perstack.bench.client;

import ai.perstack.bench.AbRounds;
import java.util.Arrays;
import java.util.List;

/**
 * The client-overhead rows: {@link ClientCallBenchmark}'s three calls, one thread, timed call by call
 * in rotating rounds (see {@link AbRounds}); each window gives its p50 and p99 in µs.
 */
public final class ClientRounds {

    /** One window's latency percentiles, in µs. */
    public record Latencies(double p50, double p99, int calls) {
        static Latencies of(long[] nanos, int n) {
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return new Latencies(sorted[n / 2] / 1e3, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e3, n);
        }
    }

    /** A call timed by a window. */
    @FunctionalInterface
    public interface CallUnderTest {
        Object call() throws Exception;
    }

    private ClientRounds() {
    }

    /**
     * {@code result[round][0]} is the perstack client, {@code [1]} the hand-written call (request
     * per call, typed result), {@code [2]} the floor (one pre-built request, tree only).
     */
    public static List<List<Latencies>> run(long windowNanos) throws Exception {
        ClientCallBenchmark bench = new ClientCallBenchmark();
        bench.setUp();
        try {
            return AbRounds.run(List.of(window(bench::perstackClient), window(bench::handWrittenCall),
                    window(bench::handWritten)), 3, windowNanos);
        } finally {
            bench.tearDown();
        }
    }

    private static AbRounds.Window<Latencies> window(CallUnderTest call) {
        return nanos -> backToBack(call, nanos);
    }

    /** Calls {@code call} back to back for about {@code nanos}, timing each call. */
    public static Latencies backToBack(CallUnderTest call, long nanos) throws Exception {
        long[] samples = new long[1 << 16];
        int n = 0;
        long end = System.nanoTime() + nanos;
        long before = System.nanoTime();
        while (before < end) {
            call.call();
            long after = System.nanoTime();
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = after - before;
            before = after;
        }
        return Latencies.of(samples, n);
    }
}
