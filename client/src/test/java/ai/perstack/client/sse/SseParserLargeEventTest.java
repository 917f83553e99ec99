package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 5 MB event must parse in time linear in its size however it is chunked. The timeout is
 * only a guard against quadratic appends, which would take minutes at this size.
 */
class SseParserLargeEventTest {

    private static final int SIZE = 5 * 1024 * 1024;
    private static final Duration GUARD = Duration.ofSeconds(20);

    /** 5 MiB of text mixing ASCII with two- and three-byte characters (no CR or LF). */
    private static String payload() {
        String unit = "0123456789abcdef-é€:";
        StringBuilder sb = new StringBuilder(SIZE);
        while (sb.length() < SIZE) {
            sb.append(unit);
        }
        sb.setLength(SIZE);
        return sb.toString();
    }

    private static List<SseEvent> feed(byte[] bytes, int chunk) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (int i = 0; i < bytes.length; i += chunk) {
            parser.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        parser.finish();
        return events;
    }

    @Test
    void fiveMegabyteSingleLineEventInOneByteChunks() {
        String data = payload();
        byte[] bytes = ("event: big\nid: 1\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = assertTimeoutPreemptively(GUARD, () -> feed(bytes, 1));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo("big");
        assertThat(events.get(0).id()).isEqualTo("1");
        assertThat(events.get(0).data()).hasSize(SIZE).isEqualTo(data);
    }

    @Test
    void fiveMegabyteSingleLineEventIn64KiBChunks() {
        String data = payload();
        byte[] bytes = ("data: " + data + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = assertTimeoutPreemptively(GUARD, () -> feed(bytes, 64 * 1024));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).data()).hasSize(SIZE).isEqualTo(data);
    }

    @Test
    void fiveMegabyteEventOfManyDataLinesInOneByteChunks() {
        String line = "x".repeat(99);
        int lines = SIZE / 100;
        StringBuilder stream = new StringBuilder(SIZE + 6 * lines);
        for (int i = 0; i < lines; i++) {
            stream.append("data: ").append(line).append('\n');
        }
        stream.append('\n');
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = assertTimeoutPreemptively(GUARD, () -> feed(bytes, 1));
        assertThat(events).hasSize(1);
        String data = events.get(0).data();
        assertThat(data).hasSize(lines * 100 - 1);
        assertThat(data).isEqualTo(String.join("\n", java.util.Collections.nCopies(lines, line)));
    }

    @Test
    void hugeEventsOneAfterAnotherEachKeepTheirOwnData() {
        String first = payload();
        String second = first.substring(0, 300_000).replace('0', '9');
        byte[] bytes = ("data: " + first + "\n\ndata: " + second + "\ndata: end\n\ndata: small\n\n")
                .getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = assertTimeoutPreemptively(GUARD, () -> feed(bytes, 8192));
        assertThat(events).hasSize(3);
        assertThat(events.get(0).data()).isEqualTo(first);
        assertThat(events.get(1).data()).isEqualTo(second + "\nend");
        assertThat(events.get(2).data()).isEqualTo("small");
    }

    @Test
    void smallEventsAfterAHugeOneStillParse() {
        byte[] bytes = ("data: " + "y".repeat(SIZE) + "\n\ndata: small\n\n").getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = assertTimeoutPreemptively(GUARD, () -> feed(bytes, 4096));
        assertThat(events).extracting(SseEvent::data).last().isEqualTo("small");
        assertThat(events.get(0).data()).hasSize(SIZE);
    }
}
