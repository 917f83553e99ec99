package ai.perstack.client.sse;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding exactly as the WHATWG Encoding standard's "UTF-8 decode" does it.
 *
 * <p>The JDK decoder agrees with WHATWG on valid input and on almost all invalid input, but
 * not on every invalid sequence (an encoded surrogate such as {@code ED A0 80} becomes one
 * U+FFFD in the JDK and three in WHATWG). So the fast JDK decoder runs first, and only text
 * in which it produced U+FFFD is decoded again by the spec algorithm.
 */
final class Utf8 {

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    /** Decodes {@code length} bytes from {@code offset}; invalid input becomes U+FFFD per WHATWG. */
    static String decode(byte[] bytes, int offset, int length) {
        String fast = new String(bytes, offset, length, StandardCharsets.UTF_8);
        return fast.indexOf(REPLACEMENT) < 0 ? fast : decodeStrictly(bytes, offset, length);
    }

    /** The WHATWG UTF-8 decoder, step by step, with error mode "replacement". */
    static String decodeStrictly(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int codePoint = 0;
        int bytesNeeded = 0;
        int bytesSeen = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (bytesNeeded == 0) {
                if (b <= 0x7F) {
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    bytesNeeded = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    lower = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
                    upper = b == 0xED ? 0x9F : 0xBF; // no surrogates
                    bytesNeeded = 2;
                    codePoint = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    lower = b == 0xF0 ? 0x90 : 0x80; // no overlong forms
                    upper = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
                    bytesNeeded = 3;
                    codePoint = b & 0x07;
                } else {
                    out.append(REPLACEMENT);
                }
                continue;
            }
            if (b < lower || b > upper) {
                codePoint = 0;
                bytesNeeded = 0;
                bytesSeen = 0;
                lower = 0x80;
                upper = 0xBF;
                out.append(REPLACEMENT);
                i--; // the spec "prepends" the byte: it may start a new sequence
                continue;
            }
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (b & 0x3F);
            if (++bytesSeen == bytesNeeded) {
                out.appendCodePoint(codePoint);
                codePoint = 0;
                bytesNeeded = 0;
                bytesSeen = 0;
            }
        }
        if (bytesNeeded != 0) {
            out.append(REPLACEMENT);
        }
        return out.toString();
    }
}
