package ai.perstack.server.skills.base;

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
        while (end - i >= Long.BYTES) {
            // Eight bytes at a time: a word with nothing to escape (most of a line of text) is skipped at once,
            // and in one with something the first such byte is found without testing those before it.
            long escapes = Utf8Words.escapes(Utf8Words.word(utf8, i));
            if (escapes == 0) {
                i += Long.BYTES;
                continue;
            }
            i += Long.numberOfTrailingZeros(escapes) >>> 3;
            raw(utf8, run, i);
            escape(utf8[i] & 0xFF);
            run = ++i;
        }
        for (; i < end; i++) {
            int b = utf8[i] & 0xFF;
            if (b < 0x20 || b == '"' || b == '\\') {
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
