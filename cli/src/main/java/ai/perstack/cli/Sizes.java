package ai.perstack.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes on the command line: a whole number of bytes, or with {@code K}, {@code M} or {@code G} (powers of 1024). */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,19})([KMG]?)(I?B)?");

    private Sizes() {
    }

    /**
     * Parses {@code 65536}, {@code 64K}, {@code 64M}, {@code 1G} (also {@code 64MiB}, {@code 64MB}: binary either way).
     *
     * @param option the option, for the error
     * @param text   the value given
     * @return the bytes, at least 1
     * @throws UsageException naming the option and the form when it is not a size
     */
    static long parse(String option, String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " must be a size like 65536, 512K, 64M or 1G; got " + text);
        }
        int shift = switch (m.group(2)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " is too large: " + text);
        }
        if (value < 1 || value > (Long.MAX_VALUE >> shift)) {
            throw new UsageException(option + " must be at least 1 byte and at most 2^63 - 1 bytes; got " + text);
        }
        return value << shift;
    }
}
