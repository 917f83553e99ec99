package ai.perstack.server.skills.base;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A result's JSON text assembled as UTF-8 bytes and decoded once: how {@code readTextFile}
 * turns a whole file into its result. The file's bytes are escaped as they are, never decoded
 * on their own: decoding them to a {@code String} and then escaping that costs a decode, a
 * scan of twice as many bytes (UTF-16) and two copies of them; here one scan and one decode,
 * the decode {@code Files.readString} makes too, remain.
 *
 * <p>Escaping bytes instead of characters gives the same text, malformed input included: the
 * bytes escaped are ASCII ({@code "}, {@code \} and those below 0x20), never part of a UTF-8
 * sequence, and each is replaced by ASCII bytes, so the decoder ends a broken sequence at the
 * same place and replaces the same bytes with U+FFFD. {@link ResultText} states the escapes.
 */
final class Utf8ResultText {
    /** Reads eight bytes at a time as a long, whatever the array offset's alignment. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private byte[] out;
    private int length;
    private int lastLineBreaks;

    /** An empty text with room for {@code bulkBytes} and, as {@link ResultText#object}, one in eight more for escapes. */
    Utf8ResultText(int bulkBytes) {
        out = new byte[(int) Math.min(MAX_ARRAY, bulkBytes + (bulkBytes >> 3) + 256L)];
    }

    /** Appends JSON text as it is (structure, names, numbers). */
    Utf8ResultText raw(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return raw(bytes, 0, bytes.length);
    }

    /** Appends {@code utf8[begin, end)} as a JSON string, quoted and escaped. */
    Utf8ResultText quoted(byte[] utf8, int begin, int end) {
        quote();
        lastLineBreaks = 0;
        int run = begin;
        int i = begin;
        while (i < end) {
            // Eight bytes at a time while none of them needs an escape (the common case: a line of text),
            // instead of three comparisons for every byte.
            if (end - i >= Long.BYTES && !anyNeedsEscape((long) LONGS.get(utf8, i))) {
                i += Long.BYTES;
                continue;
            }
            int stop = Math.min(end, i + Long.BYTES);
            for (; i < stop; i++) {
                int b = utf8[i] & 0xFF;
                if (b >= 0x20 && b != '"' && b != '\\') {
                    continue;
                }
                raw(utf8, run, i);
                escape(b);
                run = i + 1;
            }
        }
        raw(utf8, run, end);
        quote();
        return this;
    }

    /** How many line feeds the string quoted last held (counted as they are escaped, so without a scan of its own). */
    int lastLineBreaks() {
        return lastLineBreaks;
    }

    /** The text, decoded (malformed input as U+FFFD). */
    String text() {
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Whether one of the eight bytes of {@code word} is below 0x20, {@code "} or {@code \}. The
     * classic word-at-a-time tests: {@code (x - 0x01..) & ~x & 0x80..} is non-zero exactly when
     * some byte of {@code x} is zero (here {@code x} is the word xor the byte sought), and
     * {@code (w - 0x20..) & ~w & 0x80..} exactly when some byte is below 0x20 (bytes of 0x80 and
     * above have their high bit cleared by {@code ~w}).
     */
    static boolean anyNeedsEscape(long word) {
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
        long control = (word - 0x2020202020202020L) & ~word;
        return ((control | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)) & HIGH_BITS) != 0;
    }

    private void quote() {
        ensure(1);
        out[length++] = '"';
    }

    private void escape(int b) {
        ensure(6);
        out[length++] = '\\';
        switch (b) {
            case '"', '\\' -> out[length++] = (byte) b;
            case '\b' -> out[length++] = 'b';
            case '\t' -> out[length++] = 't';
            case '\n' -> {
                out[length++] = 'n';
                lastLineBreaks++;
            }
            case '\f' -> out[length++] = 'f';
            case '\r' -> out[length++] = 'r';
            default -> {
                out[length++] = 'u';
                out[length++] = '0';
                out[length++] = '0';
                out[length++] = HEX[b >> 4];
                out[length++] = HEX[b & 0xF];
            }
        }
    }

    private Utf8ResultText raw(byte[] bytes, int begin, int end) {
        ensure(end - begin);
        System.arraycopy(bytes, begin, out, length, end - begin);
        length += end - begin;
        return this;
    }

    private void ensure(int more) {
        if (out.length - length < more) {
            long needed = (long) length + more;
            if (needed > MAX_ARRAY) {
                throw new OutOfMemoryError("Result text would exceed the largest array");
            }
            out = Arrays.copyOf(out, (int) Math.min(MAX_ARRAY, Math.max(2L * out.length, needed)));
        }
    }
}
