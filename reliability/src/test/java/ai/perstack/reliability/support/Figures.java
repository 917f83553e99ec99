package ai.perstack.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures of a run (requests sent, faults injected, checkpoints delivered, losses), one
 * {@code test: name = value} line each, appended to {@code target/reliability-figures.txt}
 * and printed, so RELIABILITY.md can quote the last run.
 */
public final class Figures {
    private Figures() {
    }

    public static synchronized void record(String test, String name, Object value) {
        String line = test + ": " + name + " = " + value;
        System.out.println("[figure] " + line);
        Path file = Path.of(System.getProperty("perstack.figures", "target/reliability-figures.txt"));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
