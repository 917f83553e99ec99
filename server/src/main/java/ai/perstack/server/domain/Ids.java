package ai.perstack.server.domain;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Resource identifiers: 24 lowercase alphanumerics starting with a letter (cuid2 style). */
public final class Ids {
    /*
     * A generator per thread. The default one (NativePRNG) serialises every caller in the JVM on
     * one lock around its reads of /dev/urandom, and this runs on every request and every step:
     * with a thousand streams connecting to a server on one core, a thread descheduled inside
     * that lock kept a job's worker waiting 0.3 s at a time (JFR, fan-out bench). A DRBG of its
     * own per thread is seeded once from the system and shares nothing.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newGenerator);
    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] ALPHANUMERICS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {
    }

    /**
     * A new random identifier. The random bytes are drawn in one call (a DRBG call has a fixed
     * cost of its own), and this runs several times per request.
     */
    public static String newId() {
        SecureRandom random = RANDOM.get();
        char[] id = new char[24];
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        int used = 0;
        int filled = 0;
        while (filled < id.length) {
            if (used == bytes.length) {
                random.nextBytes(bytes);
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

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // every JDK since 9 has DRBG; this is only a fallback
        }
    }

    /** Whether a string has the shape of an identifier. */
    public static boolean isId(String value) {
        return value != null && value.matches("[a-z][a-z0-9]{23}");
    }
}
