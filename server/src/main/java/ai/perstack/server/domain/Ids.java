package ai.perstack.server.domain;

import java.security.SecureRandom;

/** Resource identifiers: 24 lowercase alphanumerics starting with a letter (cuid2 style). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] ALPHANUMERICS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    /**
     * A new random identifier. The random bytes are drawn in one call: the system's secure
     * random serializes its callers, and this runs several times per request.
     */
    public static String newId() {
        char[] id = new char[24];
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        int used = 0;
        int filled = 0;
        while (filled < id.length) {
            if (used == bytes.length) {
                RANDOM.nextBytes(bytes);
                used = 0;
            }
            int b = bytes[used++] & 0xff;
            // Rejection keeps every character equally likely: 234 = 9 × 26 and 252 = 7 × 36.
            if (filled == 0) {
                if (b < 234) {
                    id[filled++] = LETTERS[b % LETTERS.length];
                }
            } else if (b < 252) {
                id[filled++] = ALPHANUMERICS[b % ALPHANUMERICS.length];
            }
        }
        return new String(id);
    }

    /** Whether a string has the shape of an identifier. */
    public static boolean isId(String value) {
        return value != null && value.matches("[a-z][a-z0-9]{23}");
    }
}
