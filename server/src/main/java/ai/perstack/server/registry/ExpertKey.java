package ai.perstack.server.registry;

import java.util.regex.Pattern;

/**
 * A parsed expert key: {@code @org/name}, {@code @org/name@1.2.3} or {@code @org/name@tag}.
 *
 * @param organization the {@code org} part
 * @param name         the scope's name part
 * @param version      an exact version, or null
 * @param tag          a tag, or null (neither means {@code latest})
 */
public record ExpertKey(String organization, String name, String version, String tag) {
    /** Scope name parts: {@code ^[a-z0-9][a-z0-9_-]*$}, 1..255. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,254}$");
    /** Tags start with a letter, so a tag can never be mistaken for a version. */
    public static final Pattern TAG = Pattern.compile("^[a-z][a-z0-9._-]{0,63}$");
    /** The tag every scope's default version carries. */
    public static final String LATEST = "latest";

    /** Parses a full key; returns null when it is not one. */
    public static ExpertKey parse(String key) {
        if (key == null || !key.startsWith("@")) {
            return null;
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String org = key.substring(1, slash);
        String rest = key.substring(slash + 1);
        String suffix = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            suffix = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        return of(org, rest, suffix);
    }

    /** Builds a key from path segments ({@code @org}, {@code name[@suffix]}); null when malformed. */
    public static ExpertKey fromSegments(String orgSegment, String nameSegment) {
        if (orgSegment == null || nameSegment == null || !orgSegment.startsWith("@")) {
            return null;
        }
        return parse(orgSegment + "/" + nameSegment);
    }

    private static ExpertKey of(String org, String name, String suffix) {
        if (!NAME.matcher(org).matches() || !NAME.matcher(name).matches()) {
            return null;
        }
        if (suffix == null) {
            return new ExpertKey(org, name, null, null);
        }
        if (Semver.isValid(suffix)) {
            return new ExpertKey(org, name, suffix, null);
        }
        if (TAG.matcher(suffix).matches()) {
            return new ExpertKey(org, name, null, suffix);
        }
        return null;
    }

    /** {@code @org/name}. */
    public String scopeName() {
        return "@" + organization + "/" + name;
    }

    /** Whether the key names no version or tag. */
    public boolean isScopeOnly() {
        return version == null && tag == null;
    }

    @Override
    public String toString() {
        return scopeName() + (version != null ? "@" + version : tag != null ? "@" + tag : "");
    }
}
