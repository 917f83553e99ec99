package ai.perstack.bench.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The event streams the parsers are timed on, built in code (no downloads) from a fixed seed,
 * together with the events a correct parser must produce from them.
 */
public final class SseCorpus {

    /** One expected event. Every corpus event carries an id, so every parser can report it. */
    public record Event(String type, String data, String id) {
    }

    /** The corpus names, as JMH parameters and report rows. */
    public static final String SMALL_LF = "small-lf";
    public static final String SMALL_CRLF = "small-crlf";
    public static final String CHECKPOINT_2K = "checkpoint-2k";
    public static final String ONE_5MB = "one-5mb";
    /** About 5 MB each in events of one size, to show time is linear in event size. */
    public static final String EVENTS_5K = "events-5k";
    public static final String EVENTS_50K = "events-50k";
    public static final String EVENTS_500K = "events-500k";

    private static final int SMALL_EVENTS = 100_000;
    private static final int FIVE_MB = 5 * 1024 * 1024;

    private final String name;
    private final byte[] bytes;
    private final List<Event> events;

    private SseCorpus(String name, byte[] bytes, List<Event> events) {
        this.name = name;
        this.bytes = bytes;
        this.events = events;
    }

    public String name() {
        return name;
    }

    /** The raw stream, as it would arrive on the wire. */
    public byte[] bytes() {
        return bytes;
    }

    /** What a correct parser yields, in order. */
    public List<Event> events() {
        return events;
    }

    /** Builds the named corpus. */
    public static SseCorpus of(String name) {
        return switch (name) {
            case SMALL_LF -> small(name, "\n");
            case SMALL_CRLF -> small(name, "\r\n");
            case CHECKPOINT_2K -> checkpoints(name, 2048, FIVE_MB / 2048);
            case ONE_5MB -> sized(name, FIVE_MB, 1);
            case EVENTS_5K -> sized(name, 5 * 1024, FIVE_MB / (5 * 1024));
            case EVENTS_50K -> sized(name, 50 * 1024, FIVE_MB / (50 * 1024));
            case EVENTS_500K -> sized(name, 500 * 1024, FIVE_MB / (500 * 1024));
            default -> throw new IllegalArgumentException("unknown corpus " + name);
        };
    }

    /** 100k short status events, like a job's progress ticks. */
    private static SseCorpus small(String name, String eol) {
        Writer w = new Writer(name, eol);
        for (int i = 1; i <= SMALL_EVENTS; i++) {
            w.event("tick", "{\"seq\":" + i + ",\"status\":\"running\"}", Integer.toString(i));
        }
        return w.build();
    }

    /** Checkpoint-shaped JSON events of about {@code size} bytes, with some non-ASCII text. */
    private static SseCorpus checkpoints(String name, int size, int count) {
        Random random = new Random(7);
        Writer w = new Writer(name, "\n");
        for (int i = 1; i <= count; i++) {
            StringBuilder json = new StringBuilder(size + 64);
            json.append("{\"type\":\"checkpoint\",\"checkpoint\":{\"id\":\"cp_").append(i)
                    .append("\",\"jobId\":\"job_bench\",\"sequence\":").append(i)
                    .append(",\"status\":\"proceeding\",\"activity\":{\"type\":\"thinking\",\"text\":\"");
            while (json.length() < size - 40) {
                json.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            json.append("\"},\"usage\":{\"inputTokens\":").append(random.nextInt(10_000)).append("}}}");
            w.event("checkpoint", json.toString(), Integer.toString(i));
        }
        return w.build();
    }

    /** {@code count} events whose single data line is {@code size} bytes of JSON-ish ASCII. */
    private static SseCorpus sized(String name, int size, int count) {
        Writer w = new Writer(name, "\n");
        StringBuilder data = new StringBuilder(size);
        data.append("{\"blob\":\"");
        Random random = new Random(11);
        while (data.length() < size - 2) {
            data.append((char) ('a' + random.nextInt(26)));
        }
        data.append("\"}");
        String text = data.toString();
        for (int i = 1; i <= count; i++) {
            w.event("checkpoint", text, Integer.toString(i));
        }
        return w.build();
    }

    private static final String[] WORDS = {
        "the", "expert", "reads", "file", "and", "calls", "tool", "résumé", "naïve", "データ", "检查点",
        "checkpoint", "delegates", "to", "sub-expert", "with", "context", "🚀", "result", "is", "ready",
    };

    private static final class Writer {
        private final String name;
        private final String eol;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(FIVE_MB + 1024);
        private final List<Event> events = new ArrayList<>();

        Writer(String name, String eol) {
            this.name = name;
            this.eol = eol;
        }

        void event(String type, String data, String id) {
            write("id: " + id + eol + "event: " + type + eol + "data: " + data + eol + eol);
            events.add(new Event(type, data, id));
        }

        private void write(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }

        SseCorpus build() {
            return new SseCorpus(name, out.toByteArray(), List.copyOf(events));
        }
    }
}
