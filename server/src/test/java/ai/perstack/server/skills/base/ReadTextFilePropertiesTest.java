package ai.perstack.server.skills.base;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.workspaces.FileTrees;
import ai.perstack.server.workspaces.Workspace;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@code readTextFile} of a whole file, which escapes the file's bytes without decoding them on
 * their own ({@link Utf8ResultText}), answers exactly the text of core's result built from the
 * decoded file by Jackson: for any bytes, malformed UTF-8 and cut-off sequences included.
 */
class ReadTextFilePropertiesTest {
    private static Path ws;
    private static BaseSkill base;

    @BeforeContainer
    static void open() throws IOException {
        ws = Files.createTempDirectory("read-text-file-");
        base = new BaseSkill(Workspace.at(ws), TodoStore.inMemory(), Map.of());
    }

    @AfterContainer
    static void close() throws IOException {
        base.close();
        FileTrees.delete(ws);
    }

    /** Bytes that JSON escapes, ASCII around them, and the lead, continuation and invalid bytes of UTF-8. */
    @Provide
    Arbitrary<byte[]> contents() {
        Byte[] tricky = {0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1F, 0x20, '"', '\\', '/', 'a', 0x7F,
            (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC,
            (byte) 0xED, (byte) 0xA0, (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
        Arbitrary<byte[]> mixed = Arbitraries.of(tricky).array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(60).map(s -> s.getBytes(StandardCharsets.UTF_8));
        // long runs of plain text with a rare byte to escape, so that whole eight-byte words are skipped
        Arbitrary<byte[]> lines = Arbitraries.strings().withChars("abc é✓\n\"").ofMaxLength(300)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(mixed, anyBytes, text, lines);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("f.txt", "quote\"d.txt", "back\\slash.txt", "ü✓😀.txt", "tab\t.txt", "new\nline.txt");
    }

    @Property(tries = 1500)
    void aWholeFileIsReadAsCoresResultOfItsDecodedText(@ForAll("contents") byte[] content, @ForAll("names") String name)
            throws IOException {
        Files.write(ws.resolve(name), content);
        String decoded = new String(content, StandardCharsets.UTF_8);
        String expected = JsonNodeFactory.instance.objectNode().put("path", name).put("content", decoded)
                .put("from", 0).put("to", decoded.split("\n", -1).length).toString();

        String read = base.call("readTextFile", JsonNodeFactory.instance.objectNode().put("path", name));

        assertThat(read).isEqualTo(expected);
    }
}
