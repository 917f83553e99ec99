package ai.perstack.server.skills.base;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tests on eight bytes of UTF-8 at once, read as one {@code long}: the result texts of the file
 * tools scan a whole file's bytes for the few that JSON escapes, and a word at a time skips a
 * line of text in a handful of operations instead of three comparisons a byte.
 */
final class Utf8Words {
    /** Reads eight bytes at a time as a long, whatever the array offset's alignment. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Words() {
    }

    /** The eight bytes at {@code at} (at most {@code bytes.length - 8}). */
    static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * The bytes of {@code word} that JSON escapes (below 0x20, {@code "} and {@code \}), as the
     * high bit of each such byte; so the first is byte {@code numberOfTrailingZeros(mask) / 8}.
     * Exact for every byte, with no carry between bytes: for a byte {@code b} below 0x80,
     * {@code (b & 0x7F) + 0x60} reaches 0x80 exactly when {@code b} is 0x20 or more, and
     * {@code (x & 0x7F) + 0x7F} exactly when {@code x} is not zero, where {@code x} is the byte xor
     * the one sought; a byte of 0x80 or above is never escaped (its high bit is or-ed in).
     */
    static long escapes(long word) {
        long below = ((word & LOW_BITS) + 0x6060606060606060L) | word;
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        long notQuote = ((quote & LOW_BITS) + LOW_BITS) | quote;
        long notBackslash = ((backslash & LOW_BITS) + LOW_BITS) | backslash;
        return ~(below & notQuote & notBackslash) & HIGH_BITS;
    }

    /**
     * How many UTF-16 characters start in the first {@code bytes} bytes (0 to 8) of {@code word},
     * as {@code String.getBytes(UTF_8)} writes them: one for each byte that is not a continuation
     * byte ({@code 10xxxxxx}), and one more for each lead byte of a four-byte sequence
     * ({@code 11110xxx}), which stands for a surrogate pair. (A lone surrogate is written as
     * {@code ?}, one byte for one character.) A shift by one to three moves bits 6 to 4 of each
     * byte to its bit 7; what crosses from the byte below lands in bits 0 to 2, outside the mask.
     */
    static int charsStarting(long word, int bytes) {
        long first = bytes == Long.BYTES ? HIGH_BITS : HIGH_BITS & ((1L << (8 * bytes)) - 1);
        long continuation = word & ~(word << 1) & first;
        long fourByteLead = word & (word << 1) & (word << 2) & (word << 3) & first;
        return bytes - Long.bitCount(continuation) + Long.bitCount(fourByteLead);
    }
}
