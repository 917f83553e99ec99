package ai.perstack.server.skills.base;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Utf8ResultText#anyNeedsEscape}, the eight-bytes-at-a-time test, against the byte-by-byte definition. */
class Utf8ResultTextPropertiesTest {

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
    void aWordNeedsAnEscapeExactlyWhenOneOfItsBytesDoes(@ForAll("words") long word) {
        boolean byByte = false;
        for (int i = 0; i < 8; i++) {
            int b = (int) (word >>> (8 * i)) & 0xFF;
            byByte |= b < 0x20 || b == '"' || b == '\\';
        }

        assertThat(Utf8ResultText.anyNeedsEscape(word)).isEqualTo(byByte);
    }
}
