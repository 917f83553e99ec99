package ai.perstack.server.skills.base;

/**
 * One flat JSON object written straight into a single pre-sized buffer: the results of the text
 * file tools, whose bulk is a whole file's text. Building an {@code ObjectNode} and calling
 * {@code toString()} instead runs that text through Jackson's generator, its segmented writer
 * and a {@code StringBuilder}, about four copies of 1 MB where this makes two (the escaped
 * copy, then the {@code String}); a profile of {@code readTextFile} / {@code writeTextFile} of a
 * 1 MB file spent half their time there.
 *
 * <p>Strings are escaped exactly as Jackson's default generator escapes them, so the texts stay
 * what they were: {@code "} and {@code \} with a backslash; {@code \b \t \n \f \r} by those
 * short forms; every other character below U+0020 as a backslash, {@code u00} and two
 * upper-case hex digits;
 * everything else, lone surrogates included, as is.
 */
final class ResultText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    private final char[] chunk = new char[4096];

    private ResultText(int capacity) {
        out = new StringBuilder(capacity).append('{');
    }

    /**
     * An empty object sized for {@code bulkChars} characters of field values: one in eight more
     * for escapes (a line break each ~8 characters or more, in most text), so the buffer is
     * rarely grown, which would copy the whole text once more.
     */
    static ResultText object(int bulkChars) {
        return new ResultText(bulkChars + (bulkChars >> 3) + 128);
    }

    /** Adds a string field. */
    ResultText put(String name, String value) {
        return put(name, value, 0, value.length());
    }

    /** Adds a string field whose value is {@code value}'s characters {@code [begin, end)}, without copying them first. */
    ResultText put(String name, String value, int begin, int end) {
        key(name);
        quote(value, begin, end);
        return this;
    }

    /**
     * Adds a string field whose UTF-8 bytes are at hand ({@code utf8} is {@code value.getBytes(UTF_8)},
     * as {@code writeTextFile} has them to write the file): those are scanned for what needs an escape,
     * eight at a time ({@link Utf8Words}), counting the characters they stand for to find the
     * escape's place in {@code value}, instead of testing the characters one by one.
     */
    ResultText put(String name, String value, byte[] utf8) {
        key(name);
        out.append('"');
        int run = 0;
        int at = 0;
        int i = 0;
        while (utf8.length - i >= Long.BYTES) {
            long word = Utf8Words.word(utf8, i);
            long escapes = Utf8Words.escapes(word);
            if (escapes == 0) {
                at += Utf8Words.charsStarting(word, Long.BYTES);
                i += Long.BYTES;
                continue;
            }
            // to the first byte to escape, which is one character at the place counted so far; then on from after it
            int k = Long.numberOfTrailingZeros(escapes) >>> 3;
            at += Utf8Words.charsStarting(word, k);
            out.append(value, run, at);
            escape((char) utf8[i + k]);
            run = ++at;
            i += k + 1;
        }
        for (; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (b < 0x20 || b == '"' || b == '\\') {
                out.append(value, run, at);
                escape((char) b);
                run = ++at;
            } else if ((b & 0xC0) != 0x80) {
                at += b >= 0xF0 ? 2 : 1;
            }
        }
        out.append(value, run, value.length()).append('"');
        return this;
    }

    /** Adds a number field. */
    ResultText put(String name, int value) {
        key(name);
        out.append(value);
        return this;
    }

    /** The object's JSON text. */
    String text() {
        return out.append('}').toString();
    }

    private void key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(name, 0, name.length());
        out.append(':');
    }

    private void quote(String s, int begin, int end) {
        out.append('"');
        int run = begin;
        // Scanned a chunk at a time in a char array: String.charAt checks the index and the string's
        // coding on every character, which a profile showed costing as much as decoding the file.
        for (int at = begin; at < end; at += chunk.length) {
            int length = Math.min(chunk.length, end - at);
            s.getChars(at, at + length, chunk, 0);
            for (int i = 0; i < length; i++) {
                char c = chunk[i];
                if (c >= 0x20 && c != '"' && c != '\\') {
                    continue;
                }
                // Characters that need no escape are appended a run at a time from the string itself:
                // that is an array copy, where appending from a char array copies char by char.
                out.append(s, run, at + i);
                escape(c);
                run = at + i + 1;
            }
        }
        out.append(s, run, end).append('"');
    }

    private void escape(char c) {
        out.append('\\');
        switch (c) {
            case '"', '\\' -> out.append(c);
            case '\b' -> out.append('b');
            case '\t' -> out.append('t');
            case '\n' -> out.append('n');
            case '\f' -> out.append('f');
            case '\r' -> out.append('r');
            default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
