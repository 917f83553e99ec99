package ai.perstack.server.domain;

import java.security.SecureRandom;

/** Resource identifiers: 24 lowercase alphanumerics starting with a letter (cuid2 style). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] ALPHANUMERICS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    /** A new random identifier. */
    public static String newId() {
        char[] id = new char[24];
        id[0] = LETTERS[RANDOM.nextInt(LETTERS.length)];
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHANUMERICS[RANDOM.nextInt(ALPHANUMERICS.length)];
        }
        return new String(id);
    }

    /** Whether a string has the shape of an identifier. */
    public static boolean isId(String value) {
        return value != null && value.matches("[a-z][a-z0-9]{23}");
    }
}
