package ai.perstack.server.skills.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The eight-bytes-at-a-time tests of {@link Utf8Words} against their byte-by-byte definitions. */
class Utf8WordsPropertiesTest {

    /** Any word, and words made of bytes next to the ones sought (0x1F/0x20, 0x21-0x23, 0x5B-0x5D, 0x7F-0x80, 0xFF). */
    @Provide
    Arbitrary<Long> words() {
        Arbitrary<Long> near = Arbitraries.of((byte) 0x00, (byte) 0x1F, (byte) 0x20, (byte) 0x21, (byte) 0x22,
                        (byte) 0x23, (byte) 0x5B, (byte) 0x5C, (byte) 0x5D, (byte) 0x7F, (byte) 0x80, (byte) 0x9F,
                        (byte) 0xA0, (byte) 0xA2, (byte) 0xDC, (byte) 0xFF, (byte) 'a')
                .list().ofSize(8).map(bytes -> {
                    long w = 0;
                    for (int i = 0; i < 8; i++) {
                        w |= (bytes.get(i) & 0xFFL) << (8 * i);
                    }
                    return w;
                });
        return Arbitraries.oneOf(Arbitraries.longs(), near);
    }

    @Property(tries = 5000)
    void theEscapeMaskMarksExactlyTheBytesToEscape(@ForAll("words") long word) {
        long byByte = 0;
        for (int i = 0; i < 8; i++) {
            int b = (int) (word >>> (8 * i)) & 0xFF;
            if (b < 0x20 || b == '"' || b == '\\') {
                byByte |= 0x80L << (8 * i);
            }
        }

        assertThat(Utf8Words.escapes(word)).isEqualTo(byByte);
    }

    @Property(tries = 3000)
    void theCharactersStartingInAWordAreCountedAsTheyWereEncoded(@ForAll("strings") String text,
                                                                  @ForAll @IntRange(min = 0, max = 200) int offset,
                                                                  @ForAll @IntRange(min = 0, max = 8) int bytes) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Assume.that(utf8.length >= Long.BYTES);
        int at = Math.min(offset, utf8.length - Long.BYTES);
        int expected = 0;
        for (int i = at; i < at + bytes; i++) {
            int b = utf8[i] & 0xFF;
            expected += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
        }

        assertThat(Utf8Words.charsStarting(Utf8Words.word(utf8, at), bytes)).isEqualTo(expected);
    }

    /** Text of one- to four-byte characters and lone surrogates (which encode as one byte, {@code ?}). */
    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(2).ofMaxLength(80),
                Arbitraries.strings().withChars("a\"é✓\ud83d\ude00\ud800\n").ofMinLength(2).ofMaxLength(80));
    }

    @Property(tries = 1000)
    void theCountsOfAllWordsAddUpToTheStringsLength(@ForAll("strings") String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int words = utf8.length / Long.BYTES;
        int counted = 0;
        for (int w = 0; w < words; w++) {
            counted += Utf8Words.charsStarting(Utf8Words.word(utf8, w * Long.BYTES), Long.BYTES);
        }
        String rest = new String(utf8, words * Long.BYTES, utf8.length - words * Long.BYTES, StandardCharsets.UTF_8);
        // a character cut by the last word's end starts in it; what remains after it is only its continuation
        Assume.that(words * Long.BYTES == utf8.length || (utf8[words * Long.BYTES] & 0xC0) != 0x80);

        assertThat(counted + rest.length()).isEqualTo(text.replaceAll("\\p{Cs}", "?").length());
    }
}
