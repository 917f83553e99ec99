package ai.perstack.server.http;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a file name of any characters (RFC 6266): an ASCII
 * {@code filename} for old clients, with every character that could end the quoted string or
 * the header replaced, and the exact name as {@code filename*} in RFC 8187 encoding. Nothing a
 * name holds can add a parameter or split the header.
 */
final class ContentDisposition {
    private ContentDisposition() {
    }

    /** The header value for downloading {@code name} (its last {@code /} segment). */
    static String attachment(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return "attachment; filename=\"" + asciiFallback(last) + "\"; filename*=UTF-8''" + encode(last);
    }

    /** Printable ASCII kept, except {@code "}, {@code \}, {@code ;} and {@code %}; anything else is {@code _}. */
    private static String asciiFallback(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';'
                && c != '%' ? (char) c : '_'));
        return out.toString();
    }

    /** RFC 8187 {@code value-chars}: attr-char as it is, every other byte of the UTF-8 as {@code %XX}. */
    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
