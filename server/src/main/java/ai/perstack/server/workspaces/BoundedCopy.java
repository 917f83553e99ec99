package ai.perstack.server.workspaces;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Copying a stream to a file without ever writing more than a bound. */
final class BoundedCopy {
    private BoundedCopy() {
    }

    /**
     * Writes {@code in} to the existing file {@code file}, reading at most one byte past
     * {@code maxBytes}.
     *
     * @return the bytes written, or -1 when the stream had more than {@code maxBytes}
     */
    static long toFile(InputStream in, Path file, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            return copy(in, out, maxBytes);
        }
    }

    /**
     * Copies {@code in} to {@code out}, reading at most one byte past {@code maxBytes}.
     *
     * @return the bytes written, or -1 when the stream had more than {@code maxBytes}
     */
    static long copy(InputStream in, OutputStream out, long maxBytes) throws IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            written += n;
            if (written > maxBytes) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return written;
    }
}
