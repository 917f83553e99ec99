package ai.perstack.client.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments (RFC 3986) and query components. */
public final class Paths {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Paths() {
    }

    /**
     * Encodes one path segment: unreserved characters and {@code @} stay as they are (so expert
     * keys read naturally, {@code @my-org/writer@1.2.0}); everything else, {@code /} included, is
     * percent-encoded as UTF-8.
     */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Encodes a query name or value: like {@link #segment} but {@code @} is encoded too. */
    public static String queryComponent(String value) {
        return segment(value).replace("@", "%40");
    }

    /**
     * Encodes an expert scope ({@code @org/name}) or key ({@code @org/name@1.2.0}) as two path
     * segments, each encoded on its own.
     */
    public static String scope(String scopeOrKey) {
        int slash = scopeOrKey.indexOf('/');
        return segment(scopeOrKey.substring(0, slash)) + "/" + segment(scopeOrKey.substring(slash + 1));
    }
}
