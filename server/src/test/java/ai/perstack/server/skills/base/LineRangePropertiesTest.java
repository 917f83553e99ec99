package ai.perstack.server.skills.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link LineRange} against the plain definition: split at every LF, take the lines, join them with LF. */
class LineRangePropertiesTest {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab\n\r é").ofMaxLength(40);
    }

    @Property(tries = 2000)
    void aRangeIsTheJoinedLinesOfTheSplitText(@ForAll("texts") String text,
                                               @ForAll @IntRange(min = -3, max = 45) int from,
                                               @ForAll @IntRange(min = -3, max = 45) int to,
                                               @ForAll boolean withFrom, @ForAll boolean withTo) {
        String[] lines = text.split("\n", -1);
        int start = Math.max(0, Math.min(withFrom ? from : 0, lines.length));
        int end = Math.max(start, Math.max(0, Math.min(withTo ? to : lines.length, lines.length)));
        String expected = String.join("\n", Arrays.copyOfRange(lines, start, end));

        LineRange range = LineRange.of(text, withFrom ? from : null, withTo ? to : null);

        assertThat(range.content()).isEqualTo(expected);
        assertThat(range.from()).isEqualTo(start);
        assertThat(range.to()).isEqualTo(end);
    }
}
