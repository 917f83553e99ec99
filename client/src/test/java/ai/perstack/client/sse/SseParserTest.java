package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static final String BOM = "\uFEFF";

    private static List<SseEvent> events(String text) {
        return Parsed.whole(text).events();
    }

    private static SseEvent message(String data) {
        return new SseEvent("message", data, "");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void simpleEventIsDispatchedAsMessage() {
        assertThat(events("data: hello\n\n")).containsExactly(message("hello"));
    }

    @Test
    void bomIsSkippedOnlyAtStreamStart() {
        assertThat(events(BOM + "data: a\n\ndata: " + BOM + "b\n\n"))
                .containsExactly(message("a"), message(BOM + "b"));
    }

    @Test
    void onlyOneLeadingBomIsSkipped() {
        // The second BOM makes the first line's field name "\uFEFFdata", an unknown field.
        assertThat(events(BOM + BOM + "data: a\n\ndata: b\n\n")).containsExactly(message("b"));
    }

    @Test
    void bomSplitAcrossChunksIsSkipped() {
        byte[] bytes = utf8(BOM + "data: a\n\n");
        assertThat(Parsed.chunked(bytes, new int[] {1, 2}).events()).containsExactly(message("a"));
    }

    @Test
    void bomAfterAnEmptyFirstLineIsData() {
        // The BOM is no longer at the stream start, so "\uFEFFdata" is an unknown field name.
        assertThat(events("\n" + BOM + "data: a\n\ndata: b\n\n")).containsExactly(message("b"));
    }

    @Test
    void lfEndsLines() {
        assertThat(events("data: a\ndata: b\n\n")).containsExactly(message("a\nb"));
    }

    @Test
    void crOnlyLineEndingsAreAccepted() {
        assertThat(events("data: a\rdata: b\r\rdata: c\r\r"))
                .containsExactly(message("a\nb"), message("c"));
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        assertThat(events("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n"))
                .containsExactly(message("a\nb"), message("c"));
    }

    @Test
    void mixedLineEndingsAreAccepted() {
        assertThat(events("data: a\rdata: b\r\ndata: c\n\r\n")).containsExactly(message("a\nb\nc"));
    }

    @Test
    void crAtChunkEndFollowedByLfIsOneLineEnding() {
        byte[] bytes = utf8("data: a\r\n\r\ndata: b\r\n\r\n");
        // Split right after each CR: the LF opening the next chunk must not count as a blank line.
        Parsed parsed = Parsed.chunked(bytes, new int[] {8, 10, 19, 21});
        assertThat(parsed.events()).containsExactly(message("a"), message("b"));
    }

    @Test
    void crAtChunkEndFollowedByLfDoesNotSplitAnEventEarly() {
        byte[] bytes = utf8("data: a\r\ndata: b\r\n\r\n");
        assertThat(Parsed.chunked(bytes, new int[] {8}).events()).containsExactly(message("a\nb"));
    }

    @Test
    void crAtChunkEndFollowedByEmptyChunkThenLfIsOneLineEnding() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(utf8("data: a\r"), 0, 8);
        parser.feed(new byte[0], 0, 0);
        parser.feed(utf8("\ndata: b\r\n\r\n"), 0, 12);
        assertThat(events).containsExactly(message("a\nb"));
    }

    @Test
    void twoCrsAreTwoLineEndings() {
        assertThat(Parsed.chunked(utf8("data: a\r\r"), new int[] {8}).events()).containsExactly(message("a"));
    }

    @Test
    void multiLineDataIsJoinedWithLf() {
        assertThat(events("data: one\ndata: two\ndata: three\n\n")).containsExactly(message("one\ntwo\nthree"));
    }

    @Test
    void emptyDataLinesAddEmptyLines() {
        assertThat(events("data\ndata\n\n")).containsExactly(message("\n"));
        assertThat(events("data:\n\n")).containsExactly(message(""));
    }

    @Test
    void commentsAreIgnored() {
        assertThat(events(": keep-alive\n:\ndata: a\n: between\ndata: b\n\n: trailing\n"))
                .containsExactly(message("a\nb"));
    }

    @Test
    void commentOnlyBlockDoesNotDispatch() {
        assertThat(events(": ping\n\n: ping\n\n")).isEmpty();
    }

    @Test
    void fieldWithoutColonHasEmptyValue() {
        assertThat(events("data\n\n")).containsExactly(message(""));
        assertThat(events("data: x\nevent\n\n")).containsExactly(message("x"));
    }

    @Test
    void onlyOneLeadingSpaceIsStripped() {
        assertThat(events("data:  two spaces\n\n")).containsExactly(message(" two spaces"));
        assertThat(events("data:no space\n\n")).containsExactly(message("no space"));
        assertThat(events("data: trailing  \n\n")).containsExactly(message("trailing  "));
    }

    @Test
    void leadingTabIsNotStripped() {
        assertThat(events("data:\tx\n\n")).containsExactly(message("\tx"));
    }

    @Test
    void valueIsEverythingAfterTheFirstColon() {
        assertThat(events("data: a:b: c\n\n")).containsExactly(message("a:b: c"));
    }

    @Test
    void fieldNamesAreCaseSensitive() {
        assertThat(events("Data: a\nDATA: b\n\n")).isEmpty();
        assertThat(events("data: x\nEvent: custom\n\n")).containsExactly(message("x"));
    }

    @Test
    void fieldNameWithTrailingSpaceIsUnknown() {
        assertThat(events("data : a\n\n")).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(events("foo: bar\ndata: a\nbaz\n\n")).containsExactly(message("a"));
    }

    @Test
    void eventFieldSetsType() {
        assertThat(events("event: checkpoint\ndata: {}\n\n")).containsExactly(new SseEvent("checkpoint", "{}", ""));
    }

    @Test
    void lastEventFieldOfABlockWins() {
        assertThat(events("event: a\nevent: b\ndata: x\n\n")).containsExactly(new SseEvent("b", "x", ""));
    }

    @Test
    void emptyEventFieldMeansMessage() {
        assertThat(events("event: a\nevent:\ndata: x\n\n")).containsExactly(message("x"));
    }

    @Test
    void eventTypeResetsAfterDispatch() {
        assertThat(events("event: done\ndata: 1\n\ndata: 2\n\n"))
                .containsExactly(new SseEvent("done", "1", ""), message("2"));
    }

    @Test
    void eventTypeResetsWhenBlockHasNoData() {
        assertThat(events("event: orphan\n\ndata: 2\n\n")).containsExactly(message("2"));
    }

    @Test
    void emptyDataDoesNotDispatch() {
        assertThat(events("\n\n\nevent: x\n\nid: 1\n\n")).isEmpty();
    }

    @Test
    void idPersistsAcrossEvents() {
        Parsed parsed = Parsed.whole("id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n");
        assertThat(parsed.events()).containsExactly(
                new SseEvent("message", "a", "7"), new SseEvent("message", "b", "7"), new SseEvent("message", "c", "8"));
        assertThat(parsed.lastEventId()).isEqualTo("8");
    }

    @Test
    void emptyIdResetsLastEventId() {
        Parsed parsed = Parsed.whole("id: 7\ndata: a\n\nid\ndata: b\n\nid: 9\ndata: c\n\nid:\ndata: d\n\n");
        assertThat(parsed.events()).extracting(SseEvent::id).containsExactly("7", "", "9", "");
        assertThat(parsed.lastEventId()).isEmpty();
    }

    @Test
    void idContainingNulIsIgnored() {
        Parsed parsed = Parsed.whole("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n");
        assertThat(parsed.events()).extracting(SseEvent::id).containsExactly("1", "1");
        assertThat(parsed.lastEventId()).isEqualTo("1");
    }

    @Test
    void idInBlockWithoutDataStillUpdatesLastEventId() {
        Parsed parsed = Parsed.whole("id: 5\n\ndata: a\n\n");
        assertThat(parsed.events()).containsExactly(new SseEvent("message", "a", "5"));
    }

    @Test
    void idAppliesToTheEventOfItsOwnBlockWhereverItAppears() {
        assertThat(events("data: a\nid: 3\n\n")).containsExactly(new SseEvent("message", "a", "3"));
    }

    @Test
    void idOfUnterminatedBlockIsNotCommitted() {
        assertThat(Parsed.whole("id: 1\ndata: a\n\nid: 2\ndata: b\n").lastEventId()).isEqualTo("1");
    }

    @Test
    void idKeepsSpacesAfterTheFirst() {
        assertThat(events("id:  x \ndata: a\n\n")).extracting(SseEvent::id).containsExactly(" x ");
    }

    @Test
    void retryAcceptsDigitsOnly() {
        assertThat(Parsed.whole("retry: 1500\n").retry()).hasValue(1500);
        assertThat(Parsed.whole("retry: 1500\nretry: 15x\n").retry()).hasValue(1500);
        assertThat(Parsed.whole("retry: -1\n").retry()).isEmpty();
        assertThat(Parsed.whole("retry: 1.5\n").retry()).isEmpty();
        assertThat(Parsed.whole("retry:  10\n").retry()).isEmpty();
        assertThat(Parsed.whole("retry: 10 \n").retry()).isEmpty();
        assertThat(Parsed.whole("retry: \u0661\n").retry()).isEmpty(); // Arabic-Indic digit one
        assertThat(Parsed.whole("retry: 0\n").retry()).hasValue(0);
        assertThat(Parsed.whole("retry: 007\n").retry()).hasValue(7);
    }

    @Test
    void emptyRetryIsIgnored() {
        assertThat(Parsed.whole("retry: 10\nretry:\nretry\n").retry()).hasValue(10);
    }

    @Test
    void hugeRetrySaturates() {
        assertThat(Parsed.whole("retry: 99999999999999999999999\n").retry()).hasValue(Long.MAX_VALUE);
    }

    @Test
    void retryDoesNotCreateAnEvent() {
        assertThat(Parsed.whole("retry: 10\n\n").events()).isEmpty();
    }

    @Test
    void noRetrySeenMeansEmpty() {
        assertThat(new SseParser(e -> { }).reconnectionTime()).isEqualTo(OptionalLong.empty());
    }

    @Test
    void unterminatedLastEventIsDropped() {
        assertThat(events("data: a\n\ndata: b\n")).containsExactly(message("a"));
        assertThat(events("data: a\n\ndata: b")).containsExactly(message("a"));
    }

    @Test
    void finishDropsPendingEventAndAllowsANewStream() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        byte[] first = utf8("id: 1\ndata: a\n\ndata: lost\n");
        parser.feed(first, 0, first.length);
        parser.finish();
        byte[] second = utf8(BOM + "data: b\n\n");
        parser.feed(second, 0, second.length);
        assertThat(events).containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "b", "1"));
    }

    @Test
    void resetForgetsPartialStateButKeepsLastEventIdAndRetry() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        byte[] first = utf8("retry: 300\nid: 1\ndata: a\n\nevent: x\nid: 2\ndata: partial\nda");
        parser.feed(first, 0, first.length);
        parser.reset();
        assertThat(parser.lastEventId()).isEqualTo("1");
        byte[] second = utf8("ta: b\n\n");
        parser.feed(second, 0, second.length);
        assertThat(events).containsExactly(new SseEvent("message", "a", "1"));
        byte[] third = utf8("data: c\n\n");
        parser.feed(third, 0, third.length);
        assertThat(events).containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "c", "1"));
        assertThat(parser.reconnectionTime()).hasValue(300);
    }

    @Test
    void resetForgetsPendingCr() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(utf8("data: a\r"), 0, 8);
        parser.reset();
        // The LF starts a new stream, so it is a blank line on its own; nothing is pending.
        parser.feed(utf8("\ndata: b\n\n"), 0, 10);
        assertThat(events).containsExactly(message("b"));
    }

    @Test
    void multiByteUtf8SplitAcrossChunksIsDecoded() {
        String text = "data: é€😀\n\nevent: ü\ndata: x\n\n";
        byte[] bytes = utf8(text);
        List<SseEvent> expected = List.of(message("é€😀"), new SseEvent("ü", "x", ""));
        for (int split = 1; split < bytes.length; split++) {
            assertThat(Parsed.chunked(bytes, new int[] {split}).events()).as("split at %d", split).isEqualTo(expected);
        }
        assertThat(Parsed.byteByByte(bytes).events()).isEqualTo(expected);
    }

    @Test
    void invalidUtf8DecodesToReplacementCharacter() {
        byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', 'a', (byte) 0xFF, 'b', (byte) 0xC3, '\n', '\n'};
        assertThat(Parsed.whole(bytes).events()).containsExactly(message("a\uFFFDb\uFFFD"));
    }

    @Test
    void invalidUtf8FollowsWhatwgReplacementCount() {
        // WHATWG (and Unicode "maximal subpart"): a truncated sequence is one U+FFFD, and a byte
        // that cannot continue the sequence is reprocessed on its own.
        assertThat(data(0xE2, 0x82, 'A')).isEqualTo("\uFFFDA");
        assertThat(data(0xF0, 0x80, 0x80)).isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(data(0xED, 0xA0, 0x80)).isEqualTo("\uFFFD\uFFFD\uFFFD"); // encoded surrogate
        assertThat(data(0xC0, 0xAF)).isEqualTo("\uFFFD\uFFFD"); // overlong
        assertThat(data(0xF0, 0x9F, 0x98)).isEqualTo("\uFFFD");
    }

    @Test
    void invalidUtf8BeforeLineEndDoesNotSwallowTheLineEnd() {
        byte[] bytes = {'d', 'a', 't', 'a', ':', (byte) 0xE2, (byte) 0x82, '\r', '\n', 'd', 'a', 't', 'a', ':', 'b', '\r', '\r'};
        assertThat(Parsed.byteByByte(bytes).events()).containsExactly(message("\uFFFD\nb"));
    }

    @Test
    void invalidUtf8InFieldNameMakesItUnknown() {
        byte[] bytes = {'d', 'a', 't', (byte) 0xE1, ':', 'x', '\n', '\n'};
        assertThat(Parsed.whole(bytes).events()).isEmpty();
    }

    @Test
    void byteBufferFeedConsumesRemainingBytes() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        ByteBuffer heap = ByteBuffer.wrap(utf8("xxdata: a\n\nyy"), 2, 9);
        parser.feed(heap);
        assertThat(heap.remaining()).isZero();
        ByteBuffer readOnly = ByteBuffer.wrap(utf8("data: b\n\n")).asReadOnlyBuffer();
        parser.feed(readOnly);
        assertThat(readOnly.remaining()).isZero();
        byte[] big = utf8("data: " + "c".repeat(20_000) + "\n\n");
        ByteBuffer direct = ByteBuffer.allocateDirect(big.length).put(big).flip();
        parser.feed(direct);
        assertThat(direct.remaining()).isZero();
        assertThat(events).containsExactly(message("a"), message("b"), message("c".repeat(20_000)));
    }

    @Test
    void eventsAreDeliveredAsSoonAsTheBlankLineArrives() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(utf8("data: a\n"), 0, 8);
        assertThat(events).isEmpty();
        parser.feed(utf8("\n"), 0, 1);
        assertThat(events).containsExactly(message("a"));
    }

    @Test
    void feedRejectsOutOfBoundsRange() {
        SseParser parser = new SseParser(e -> { });
        assertThatThrownBy(() -> parser.feed(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> parser.feed(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void listenerMayNotBeNull() {
        assertThatThrownBy(() -> new SseParser(null)).isInstanceOf(NullPointerException.class);
    }

    /** Parses one event whose data line is "data:" followed by {@code valueBytes}. */
    private static String data(int... valueBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("data:"));
        for (int b : valueBytes) {
            out.write(b);
        }
        out.writeBytes(utf8("\n\n"));
        List<SseEvent> events = Parsed.whole(out.toByteArray()).events();
        assertThat(events).hasSize(1);
        return events.get(0).data();
    }
}
