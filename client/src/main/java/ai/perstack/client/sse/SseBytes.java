package ai.perstack.client.sse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The byte-level work of {@link SseParser}: finding line ends, comparing short names, growing buffers. */
final class SseBytes {
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Every byte 0x0E, one more than CR, the higher of the two line-end bytes. */
    private static final long BELOW_CR_WORD = ONES * (CR + 1);

    private SseBytes() {
    }

    /**
     * The index of the first CR or LF in {@code [from, to)}, or {@code to}. Scanning for line
     * ends is most of the parser's work on large events, so it looks at eight bytes per step, and
     * with one test instead of one per character: CR (0x0D) and LF (0x0A) are both below 0x0E,
     * and {@code (x - 0x0E..) & ~x & 0x80..} flags the bytes of {@code x} below 0x0E. A borrow can
     * flag a byte above a real match, never below one, so the lowest flag (the first byte, the
     * word being read little-endian) is always a byte below 0x0E. When it is another control
     * byte (a tab, say) the scan goes on after it. Against testing CR and LF separately, the scan
     * alone does 1.7× the MB per CPU-second on the 5 MB corpus and the whole parser 1.2× on large
     * events (measured in alternating rounds; {@code ./bench/run sse} shows the result).
     */
    static int lineEnd(byte[] bytes, int from, int to) {
        int i = from;
        int last = to - Long.BYTES;
        while (i <= last) {
            long word = (long) LONGS.get(bytes, i);
            long below = (word - BELOW_CR_WORD) & ~word & HIGH_BITS;
            if (below == 0) {
                i += Long.BYTES;
                continue;
            }
            int at = i + (Long.numberOfTrailingZeros(below) >>> 3);
            if (bytes[at] == LF || bytes[at] == CR) {
                return at;
            }
            i = at + 1;
        }
        for (; i < to; i++) {
            if (bytes[i] == LF || bytes[i] == CR) {
                return i;
            }
        }
        return to;
    }

    /**
     * Whether {@code buf[start, end)} holds the first {@code length} bytes of {@code other}. A plain
     * loop: on field names (2 to 5 bytes) and event types, {@code Arrays.equals} over ranges went
     * through its vectorised mismatch, whose set-up made it the parser's top frame on small events
     * (JFR, {@code small-lf} corpus).
     */
    static boolean sameBytes(byte[] buf, int start, int end, byte[] other, int length) {
        if (end - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf[start + i] != other[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ensureCapacity(byte[] buf, int needed) {
        if (needed < 0) {
            throw new OutOfMemoryError("Server-sent event line larger than 2 GiB");
        }
        if (needed <= buf.length) {
            return buf;
        }
        // Doubling keeps appends amortized O(1) when a huge line arrives byte by byte.
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) buf.length * 2, needed));
        return Arrays.copyOf(buf, Math.max(capacity, needed));
    }
}
