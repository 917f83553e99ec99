package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The word-at-a-time line-end scan against the obvious byte loop. */
class SseLineEndTest {

    private static int naive(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return i;
            }
        }
        return to;
    }

    @Provide
    Arbitrary<byte[]> lines() {
        // Mostly the bytes around the scan's threshold: other control bytes, CR, LF, 0x0E, and high bytes.
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0, (byte) '\t', (byte) 0x0B, (byte) 0x0C, (byte) '\r',
                (byte) '\n', (byte) 0x0E, (byte) 0x0F, (byte) 'a', (byte) 0x80, (byte) 0x8D, (byte) 0xFF);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, interesting),
                        net.jqwik.api.Tuple.of(6, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(80);
    }

    @Property(tries = 2000)
    void findsTheFirstCrOrLfFromAnyStart(@ForAll("lines") byte[] bytes) {
        for (int from = 0; from <= bytes.length; from++) {
            for (int to = from; to <= bytes.length; to += Math.max(1, (to - from) / 3 + 1)) {
                assertThat(SseBytes.lineEnd(bytes, from, to)).as("from %d to %d", from, to).isEqualTo(naive(bytes, from, to));
            }
            assertThat(SseBytes.lineEnd(bytes, from, bytes.length)).isEqualTo(naive(bytes, from, bytes.length));
        }
    }

    @Test
    void skipsTabsAndOtherControlBytesBeforeTheLineEnd() {
        byte[] bytes = "\t\u0000\u000b\u000c\u000e\u000f abc\t\tdef\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(SseBytes.lineEnd(bytes, 0, bytes.length)).isEqualTo(bytes.length - 2);
    }

    @Test
    void aBorrowFromAControlByteDoesNotHideTheLineEndAboveIt() {
        // 0x0D right above a 0x00: the subtraction borrows from the CR's byte, which must still be found.
        byte[] bytes = {'x', 'x', 'x', 0, '\r', 'x', 'x', 'x', 'x', 'x'};
        assertThat(SseBytes.lineEnd(bytes, 0, bytes.length)).isEqualTo(4);
    }
}
