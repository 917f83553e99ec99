package ai.perstack.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API keys: generated at random, stored only as SHA-256, compared in constant time. */
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "psk_";

    private ApiKeys() {
    }

    /** A new key: {@code psk_} followed by 256 random bits, base64url. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The hex SHA-256 of a key, as stored. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares two hashes without leaking where they differ. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a caller-supplied key has an acceptable shape (printable ASCII, 16..512 chars). */
    public static boolean isWellFormed(String key) {
        return key != null && key.length() >= 16 && key.length() <= 512 && key.chars().allMatch(c -> c > 32 && c < 127);
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
