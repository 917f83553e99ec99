package ai.perstack.bench.sse;

import ai.perstack.bench.AbRounds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SSE rows: ours, both peers and the floor on one corpus, in rotating rounds (see
 * {@link AbRounds}). A window parses the corpus again and again for its time and reports MB/s.
 */
public final class SseRounds {
    /** The contenders, in the order of {@link #run}'s columns. */
    public static final List<String> CONTENDERS = List.of("perstack", "okhttp-sse", "okhttp-eventsource", "floor");

    private SseRounds() {
    }

    /**
     * One window's throughput: by the wall clock, and by the CPU time of this whole process (the
     * parser's thread, and the GC and JIT threads working for it). The second does not count time
     * the machine gave to other processes, so on a shared machine it moves far less between runs.
     */
    public record Throughput(double wallMBs, double cpuMBs) {
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** Runs the rounds on {@code corpus}; {@code result[round][contender]}. */
    public static List<List<Throughput>> run(SseCorpus corpus, long windowNanos) throws Exception {
        byte[] bytes = corpus.bytes();
        List<AbRounds.Window<Throughput>> windows = CONTENDERS.stream().map(label -> window(label, bytes)).toList();
        return AbRounds.run(windows, 2, windowNanos);
    }

    private static AbRounds.Window<Throughput> window(String label, byte[] bytes) {
        Sink sink = new Sink();
        Runnable once = label.equals("floor") ? () -> sink.lines += floor(bytes)
                : () -> SseDrivers.byLabel(label).parse(bytes, sink);
        return nanos -> {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            long end = start + nanos;
            long ops = 0;
            long now;
            do {
                once.run();
                ops++;
                now = System.nanoTime();
            } while (now < end);
            long cpuUsed = OS.getProcessCpuTime() - cpu;
            sink.publish();
            double mb = ops * (double) bytes.length / 1e6;
            return new Throughput(mb / ((now - start) / 1e9), mb / (cpuUsed / 1e9));
        };
    }

    /**
     * What no parser that reads the stream in 8 KiB reads and hands out text can beat: decode
     * every byte of each read once into a {@code String} (the JDK's intrinsic UTF-8 decoder) and
     * find every LF in it ({@code String.indexOf}, also an intrinsic). No event objects, no
     * fields, no copies: a parser's distance from this is its own overhead.
     */
    static int floor(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        byte[] buffer = new byte[8192];
        int lines = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                lines++;
            }
        }
        return lines;
    }

    /** Consumes every event so no work can be optimised away. */
    private static final class Sink implements SseDrivers.Sink {
        long lines;
        private long sum;
        static volatile long published;

        @Override
        public void event(String type, String data, String id) {
            sum += type.length() + data.length() + id.length();
        }

        void publish() {
            published = sum + lines;
        }
    }
}
