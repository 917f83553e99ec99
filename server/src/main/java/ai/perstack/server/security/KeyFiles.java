package ai.perstack.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;

/**
 * Files in the data directory that hold key material or data (the keys, the H2 database),
 * readable by the owner only; the directory itself too.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    /** Decodes a base64 master key (as given in {@code PERSTACK_MASTER_KEY}); must be 32 bytes. */
    public static byte[] decodeMasterKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PERSTACK_MASTER_KEY is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("PERSTACK_MASTER_KEY must decode to 32 bytes");
        }
        return key;
    }

    /** Reads {@code DIR/master.key}, generating it (mode 600) when absent. */
    public static byte[] loadOrCreateMasterKey(Path dataDir) {
        Path file = dataDir.resolve("master.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    writePrivate(file, Base64.getEncoder().encodeToString(key) + "\n");
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return decodeMasterKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /**
     * Makes the data directory (mode 700) and the database files in it ({@code perstack.*}, mode
     * 600) the owner's only, whatever the umask made of them. Does nothing where the file system
     * has no POSIX permissions.
     */
    public static void restrict(Path dataDir) {
        try {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file) && file.getFileName().toString().startsWith("perstack.")) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows and friends: the directory's ACL applies.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the permissions of " + dataDir, e);
        }
    }

    /** Writes a new file readable and writable by the owner only (replacing any old one). */
    public static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        if (file.getFileName().toString().equals("master.key")) {
            Files.createLink(file, tmp); // fails if present: never overwrite a master key
            Files.delete(tmp);
        } else {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
