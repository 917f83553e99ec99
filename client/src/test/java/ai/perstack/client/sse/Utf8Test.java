package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private static String decode(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Utf8.decode(bytes, 0, bytes.length);
    }

    @Test
    void validTextDecodesUnchanged() {
        String text = "plain é € 😀 \uFFFD \uFEFF";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(bytes, 0, bytes.length)).isEqualTo(text);
        assertThat(Utf8.decodeStrictly(bytes, 0, bytes.length)).isEqualTo(text);
    }

    @Test
    void truncatedSequenceIsOneReplacementAndTheNextByteIsReprocessed() {
        assertThat(decode(0xE2, 0x82, 'A')).isEqualTo("\uFFFDA");
        assertThat(decode(0xF0, 0x9F, 0x98)).isEqualTo("\uFFFD");
        assertThat(decode(0xE1, 0x80, 0xC3, 0xA9)).isEqualTo("\uFFFDé");
    }

    @Test
    void encodedSurrogateIsThreeReplacements() {
        // The JDK decoder yields a single U+FFFD here; WHATWG rejects at the second byte.
        assertThat(decode(0xED, 0xA0, 0x80)).isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(decode(0xED, 0xBF, 0xBF, 'x')).isEqualTo("\uFFFD\uFFFD\uFFFDx");
    }

    @Test
    void overlongFormsAreOneReplacementPerByte() {
        assertThat(decode(0xC0, 0xAF)).isEqualTo("\uFFFD\uFFFD");
        assertThat(decode(0xE0, 0x80, 0x80)).isEqualTo("\uFFFD\uFFFD\uFFFD");
        assertThat(decode(0xF0, 0x80, 0x80)).isEqualTo("\uFFFD\uFFFD\uFFFD");
    }

    @Test
    void codePointsAboveUnicodeRangeAreRejected() {
        assertThat(decode(0xF4, 0x90, 0x80, 0x80)).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
        assertThat(decode(0xF5, 0x80)).isEqualTo("\uFFFD\uFFFD");
        assertThat(decode(0xF4, 0x8F, 0xBF, 0xBF)).isEqualTo(new String(Character.toChars(0x10FFFF)));
    }

    @Test
    void loneContinuationAndInvalidLeadBytesAreReplacedOneEach() {
        assertThat(decode(0x80, 0xBF, 0xFE, 0xFF)).isEqualTo("\uFFFD".repeat(4));
    }

    @Test
    void rangeIsRespected() {
        byte[] bytes = "xxé€yy".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.decode(bytes, 2, bytes.length - 4)).isEqualTo("é€");
        assertThat(Utf8.decodeStrictly(bytes, 2, bytes.length - 4)).isEqualTo("é€");
    }
}
