package ai.perstack.server.skills.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link ResultText} writes exactly the text Jackson's {@code ObjectNode.toString()} writes for the same object. */
class ResultTextPropertiesTest {

    /** Every character, with the ones JSON escapes (and their neighbours) and lone surrogates made frequent. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("\"\\/\n\r\t\b\f\u0000\u0001\u001f\u0020\u007f\u0080\u2028é✓\ud83d\ude00\ud800\udfff a")
                .ofMaxLength(60);
        // runs of plain text long enough to fill eight-byte words, between whole multi-byte characters
        Arbitrary<String> tokens = Arbitraries.of("abcdefghij", "é", "✓", "😀", "\n", "\"", "\\", "\u0001", "\ud800", "\udc00")
                .list().ofMaxSize(30).map(list -> String.join("", list));
        return Arbitraries.oneOf(tricky, tokens, Arbitraries.strings().all().ofMaxLength(60));
    }

    @Property(tries = 3000)
    void writesWhatJacksonWrites(@ForAll("texts") String path, @ForAll("texts") String text,
                                 @ForAll int from, @ForAll @IntRange(min = 0) int to) {
        String expected = JsonNodeFactory.instance.objectNode().put("path", path).put("content", text)
                .put("from", from).put("to", to).toString();

        String written = ResultText.object(text.length()).put("path", path).put("content", text).put("from", from)
                .put("to", to).text();

        assertThat(written).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void aSliceIsWrittenAsItsSubstring(@ForAll("texts") String text, @ForAll @IntRange(max = 60) int a,
                                       @ForAll @IntRange(max = 60) int b) {
        int begin = Math.min(Math.min(a, b), text.length());
        int end = Math.min(Math.max(a, b), text.length());
        String expected = JsonNodeFactory.instance.objectNode().put("text", text.substring(begin, end)).toString();

        assertThat(ResultText.object(0).put("text", text, begin, end).text()).isEqualTo(expected);
    }

    /** Longer than the chunk the scan copies at a time, so escapes and runs fall on and across its edges. */
    @Provide
    Arbitrary<String> longTexts() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("\"\\\n\u0001ab✓").ofMinLength(4000).ofMaxLength(9000),
                Arbitraries.strings().withChars("abcdefgh é✓\n").ofMinLength(4000).ofMaxLength(9000));
    }

    @Property(tries = 200)
    void longTextsAcrossChunksAreWrittenAsJacksonWritesThem(@ForAll("longTexts") String text) {
        String expected = JsonNodeFactory.instance.objectNode().put("text", text).toString();

        assertThat(ResultText.object(text.length()).put("text", text).text()).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void aTextScannedThroughItsUtf8BytesIsWrittenAsJacksonWritesIt(@ForAll("texts") String text) {
        String expected = JsonNodeFactory.instance.objectNode().put("path", "p").put("text", text).toString();

        String written = ResultText.object(text.length()).put("path", "p")
                .put("text", text, text.getBytes(StandardCharsets.UTF_8)).text();

        assertThat(written).isEqualTo(expected);
    }

    @Property(tries = 200)
    void aLongTextScannedThroughItsUtf8BytesIsWrittenAsJacksonWritesIt(@ForAll("longTexts") String text) {
        String expected = JsonNodeFactory.instance.objectNode().put("text", text).toString();

        assertThat(ResultText.object(text.length()).put("text", text, text.getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo(expected);
    }
}
