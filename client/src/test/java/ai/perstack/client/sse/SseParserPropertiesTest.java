package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class SseParserPropertiesTest {

    /** A stream and the offsets at which to cut it into chunks. */
    record Chunked(byte[] stream, int[] splits) { }

    /** An event as the generator means it; {@code id} empty means "no id line". */
    record Generated(Optional<String> type, List<String> dataLines, Optional<String> id, boolean comment) { }

    /** A generated stream: its events, the line ending and spacing choices, a BOM or not. */
    record Script(List<Generated> events, List<String> endings, List<Boolean> spaces, boolean bom,
                  Optional<Long> retry) { }

    @Property
    void anyChunkingGivesTheSameResultAsFeedingWhole(@ForAll("chunkedStreams") Chunked chunked) {
        assertThat(Parsed.chunked(chunked.stream(), chunked.splits())).isEqualTo(Parsed.whole(chunked.stream()));
    }

    @Property
    void oneByteChunksGiveTheSameResultAsFeedingWhole(@ForAll("rawStreams") byte[] stream) {
        assertThat(Parsed.byteByByte(stream)).isEqualTo(Parsed.whole(stream));
    }

    @Property
    void parserAgreesWithTextLevelReference(@ForAll("chunkedStreams") Chunked chunked) {
        assertThat(Parsed.chunked(chunked.stream(), chunked.splits())).isEqualTo(ReferenceParser.parse(chunked.stream()));
    }

    @Property
    void generatedEventStreamsRoundTrip(@ForAll("scripts") Script script, @ForAll("splitSeeds") List<Integer> seeds) {
        byte[] stream = serialize(script);
        Parsed parsed = Parsed.chunked(stream, splits(stream.length, seeds));

        List<SseEvent> expected = new ArrayList<>();
        String lastId = "";
        for (Generated g : script.events()) {
            if (g.id().isPresent() && !g.id().get().contains("\u0000")) {
                lastId = g.id().get();
            }
            String type = g.type().filter(t -> !t.isEmpty()).orElse("message");
            expected.add(new SseEvent(type, String.join("\n", g.dataLines()), lastId));
        }
        assertThat(parsed.events()).isEqualTo(expected);
        assertThat(parsed.lastEventId()).isEqualTo(lastId);
        assertThat(parsed.retry()).isEqualTo(script.retry().map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    // --- generators ---------------------------------------------------------------------

    /** Byte soup made of SSE syntax fragments, odd characters and broken UTF-8. */
    @Provide
    Arbitrary<byte[]> rawStreams() {
        Arbitrary<String> token = Arbitraries.frequency(
                Tuple.of(6, "data"), Tuple.of(3, "event"), Tuple.of(3, "id"), Tuple.of(2, "retry"),
                Tuple.of(6, ":"), Tuple.of(6, " "), Tuple.of(8, "\n"), Tuple.of(6, "\r"), Tuple.of(4, "\r\n"),
                Tuple.of(3, "x"), Tuple.of(2, "12"), Tuple.of(1, "\u0000"), Tuple.of(2, "é€"), Tuple.of(1, "😀"),
                Tuple.of(1, "\uFEFF"), Tuple.of(1, "\t"), Tuple.of(1, "\u0000BROKEN"));
        return token.list().ofMaxSize(60).map(tokens -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String t : tokens) {
                // A placeholder for bytes no String encodes: truncated and invalid sequences.
                out.writeBytes(t.equals("\u0000BROKEN") ? new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xFF, (byte) 0xED, (byte) 0xA0}
                        : t.getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<Chunked> chunkedStreams() {
        return Combinators.combine(rawStreams(), splitSeeds())
                .as((stream, seeds) -> new Chunked(stream, splits(stream.length, seeds)));
    }

    @Provide
    Arbitrary<List<Integer>> splitSeeds() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<Generated> event = Combinators.combine(
                        values().optional(0.5),
                        values().list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.oneOf(values(), values().map(v -> v + "\u0000")).optional(0.4),
                        Arbitraries.of(true, false))
                .as(Generated::new);
        Arbitrary<List<Generated>> events = event.list().ofMaxSize(8);
        Arbitrary<List<String>> endings = Arbitraries.of("\n", "\r", "\r\n").list().ofMinSize(1).ofMaxSize(50);
        Arbitrary<List<Boolean>> spaces = Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(50);
        Arbitrary<Optional<Long>> retry = Arbitraries.longs().between(0, Long.MAX_VALUE).optional(0.3);
        return Combinators.combine(events, endings, spaces, Arbitraries.of(true, false), retry).as(Script::new);
    }

    /** Field values: anything but CR and LF, weighted towards the characters that matter. */
    private static Arbitrary<String> values() {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(3, Arbitraries.of(0x3A, 0x20, 0x09, 0xFEFF, 0xFFFD, 0x00)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(2, Arbitraries.integers().between(0x800, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
        return codePoint.list().ofMaxSize(10)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    // --- helpers ------------------------------------------------------------------------

    /** Turns arbitrary seeds into ascending split offsets within {@code length}. */
    private static int[] splits(int length, List<Integer> seeds) {
        return seeds.stream().mapToInt(s -> s % (length + 1)).sorted().toArray();
    }

    /** Writes the script as an event stream, cycling through its line endings and spacing. */
    private static byte[] serialize(Script script) {
        StringBuilder out = new StringBuilder(script.bom() ? "\uFEFF" : "");
        int[] line = {0};
        String[] previousEnding = {""};
        java.util.function.BiConsumer<String, String> field = (name, value) -> {
            boolean space = script.spaces().get(line[0] % script.spaces().size());
            // Without a space a value opening with one would lose it; with one, it is kept.
            out.append(name).append(':').append(space || value.startsWith(" ") ? " " : "").append(value);
            previousEnding[0] = script.endings().get(line[0]++ % script.endings().size());
            out.append(previousEnding[0]);
        };
        script.retry().ifPresent(r -> field.accept("retry", Long.toString(r)));
        for (Generated g : script.events()) {
            if (g.comment()) {
                field.accept("", "comment");
            }
            g.type().ifPresent(t -> field.accept("event", t));
            g.id().ifPresent(id -> field.accept("id", id));
            g.dataLines().forEach(d -> field.accept("data", d));
            String ending = script.endings().get(line[0]++ % script.endings().size());
            // CR then a blank line ended by LF would read as one CRLF: no blank line at all.
            out.append(previousEnding[0].equals("\r") && ending.equals("\n") ? "\r\n" : ending);
            previousEnding[0] = ending;
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
