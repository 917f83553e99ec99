package ai.perstack.client.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DataBufferTest {

    @Provide
    Arbitrary<List<Integer>> appendSizes() {
        // Sizes around the head's limit and the chunk size, so appends straddle both.
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(DataBuffer.CHUNK - 300, DataBuffer.CHUNK + 300),
                Arbitraries.integers().between(0, 3 * DataBuffer.CHUNK)).list().ofMaxSize(12);
    }

    @Property(tries = 200)
    void holdsExactlyWhatWasAppendedInOrder(@ForAll("appendSizes") List<Integer> sizes) {
        DataBuffer buffer = new DataBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int next = 0;
        for (int size : sizes) {
            byte[] piece = new byte[size + 10];
            for (int i = 0; i < piece.length; i++) {
                piece[i] = (byte) ('a' + (next++ % 26));
            }
            buffer.append(piece, 5, 5 + size); // an offset into a larger array
            expected.write(piece, 5, size);
            if (size % 3 == 0) {
                buffer.append((byte) '\n');
                expected.write('\n');
            }
        }
        buffer.append((byte) '\n');
        String want = expected.toString(StandardCharsets.UTF_8);
        assertThat(buffer.isEmpty()).isFalse();
        assertThat(buffer.takeAllButLast()).isEqualTo(want);
        assertThat(buffer.isEmpty()).isTrue();
    }

    @Test
    void aCharacterSplitAcrossChunksDecodesWhole() {
        DataBuffer buffer = new DataBuffer();
        byte[] filler = "x".repeat(DataBuffer.CHUNK - 1).getBytes(StandardCharsets.US_ASCII);
        byte[] rocket = "🚀".getBytes(StandardCharsets.UTF_8); // four bytes: one in the head, three after it
        buffer.append(filler, 0, filler.length);
        buffer.append(rocket, 0, rocket.length);
        buffer.append((byte) '\n');
        assertThat(buffer.takeAllButLast()).isEqualTo("x".repeat(DataBuffer.CHUNK - 1) + "🚀");
    }

    @Test
    void isReusableAfterAHugeEvent() {
        DataBuffer buffer = new DataBuffer();
        byte[] big = new byte[5 * DataBuffer.CHUNK];
        java.util.Arrays.fill(big, (byte) 'b');
        buffer.append(big, 0, big.length);
        buffer.append((byte) '\n');
        assertThat(buffer.takeAllButLast()).hasSize(big.length);
        byte[] small = "hi\n".getBytes(StandardCharsets.US_ASCII);
        buffer.append(small, 0, small.length);
        assertThat(buffer.takeAllButLast()).isEqualTo("hi");
    }
}
