package ai.perstack.server.providers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The secrets and variables of a job's organization, as a provider reads them. Loaded on first
 * use, so a step that needs none costs nothing. Its {@code toString} names the entries and never
 * shows a value; {@link #scrub} takes secret values out of text that leaves the runtime.
 */
public final class JobEnvironment {
    /** Text a secret value is replaced with. */
    public static final String MASK = "****";
    /** Runs of at least this many characters of a secret are masked too (a provider may echo part of a key). */
    private static final int PARTIAL = 12;

    private final Supplier<Values> loader;
    private Values values;

    private record Values(Map<String, String> variables, Map<String, String> secrets) {
    }

    private JobEnvironment(Supplier<Values> loader) {
        this.loader = loader;
    }

    /** An environment of the given variables and (decrypted) secrets. */
    public static JobEnvironment of(Map<String, String> variables, Map<String, String> secrets) {
        Values v = new Values(Map.copyOf(variables), Map.copyOf(secrets));
        return new JobEnvironment(() -> v);
    }

    /** An environment loaded when first read. */
    public static JobEnvironment lazy(Supplier<JobEnvironment> loader) {
        return new JobEnvironment(() -> loader.get().values());
    }

    /** No secrets, no variables. */
    public static JobEnvironment empty() {
        return of(Map.of(), Map.of());
    }

    private synchronized Values values() {
        if (values == null) {
            values = loader.get();
        }
        return values;
    }

    /** The value of a variable or secret, or null when the organization has neither by that name. */
    public String get(String name) {
        Values v = values();
        String variable = v.variables().get(name);
        return variable != null ? variable : v.secrets().get(name);
    }

    /** Whether {@code name} is a secret (its value must not be shown anywhere). */
    public boolean isSecret(String name) {
        return values().secrets().containsKey(name);
    }

    /**
     * {@code text} with every secret value, and every run of {@value #PARTIAL} or more characters
     * of one, replaced by {@value #MASK}.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : values().secrets().values()) {
            out = scrub(out, secret);
        }
        return out;
    }

    /** {@code text} with {@code secret}, and runs of {@value #PARTIAL}+ characters of it, masked. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        String out = text.replace(secret, MASK);
        if (secret.length() < PARTIAL) {
            return out;
        }
        StringBuilder b = new StringBuilder(out.length());
        int i = 0;
        while (i < out.length()) {
            int len = 0;
            while (i + len < out.length() && secret.contains(out.substring(i, i + len + 1))) {
                len++;
            }
            if (len >= PARTIAL) {
                b.append(MASK);
                i += len;
            } else {
                b.append(out.charAt(i));
                i++;
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        Values v = values;
        if (v == null) {
            return "JobEnvironment[not loaded]";
        }
        Map<String, String> shown = new LinkedHashMap<>();
        new TreeSet<>(v.variables().keySet()).forEach(n -> shown.put(n, "variable"));
        Set<String> secrets = new TreeSet<>(v.secrets().keySet());
        secrets.forEach(n -> shown.put(n, "secret"));
        return "JobEnvironment" + shown;
    }
}
