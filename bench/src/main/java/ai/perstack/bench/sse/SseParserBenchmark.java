package ai.perstack.bench.sse;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parser throughput: one operation parses a whole corpus. MB/s = ops/s × corpus bytes, which
 * the report computes. Before timing, each parser's output is checked event by event against
 * the corpus; a parser that gets it wrong fails its setup and is not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SseParserBenchmark {

    @Param({SseCorpus.SMALL_LF, SseCorpus.SMALL_CRLF, SseCorpus.CHECKPOINT_2K, SseCorpus.ONE_5MB,
            SseCorpus.EVENTS_5K, SseCorpus.EVENTS_50K, SseCorpus.EVENTS_500K})
    public String corpus;

    @Param({"perstack", "perstack-stream", "okhttp-sse", "okhttp-eventsource"})
    public String parser;

    private byte[] bytes;
    private SseDrivers driver;

    @Setup(Level.Trial)
    public void setUp() {
        SseCorpus c = SseCorpus.of(corpus);
        driver = SseDrivers.byLabel(parser);
        String problem = driver.check(c);
        if (problem != null) {
            throw new IllegalStateException(parser + " parses " + corpus + " incorrectly: " + problem);
        }
        bytes = c.bytes();
    }

    @Benchmark
    public void parse(Blackhole bh) {
        driver.parse(bytes, (type, data, id) -> {
            bh.consume(type);
            bh.consume(data);
            bh.consume(id);
        });
    }
}
