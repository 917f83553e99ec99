package ai.perstack.server.registry;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version (semver 2.0.0) with its precedence; build metadata is ignored in ordering. */
public record Semver(BigInteger major, BigInteger minor, BigInteger patch, List<String> prerelease, String text)
        implements Comparable<Semver> {

    // The official semver 2.0.0 regular expression.
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$");

    /** Parses a version, or returns null when it is not valid semver. */
    public static Semver parse(String text) {
        if (text == null || text.length() > 255) {
            return null;
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new Semver(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)), pre, text);
    }

    /** Whether a string is valid semver. */
    public static boolean isValid(String text) {
        return parse(text) != null;
    }

    @Override
    public int compareTo(Semver o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        // A version without pre-release fields has higher precedence than one with them.
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            c = comparePrereleaseField(prerelease.get(i), o.prerelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(prerelease.size(), o.prerelease.size());
    }

    private static int comparePrereleaseField(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit);
        boolean bNumeric = b.chars().allMatch(Character::isDigit);
        if (aNumeric && bNumeric) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1; // numeric identifiers have lower precedence
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return text;
    }
}
