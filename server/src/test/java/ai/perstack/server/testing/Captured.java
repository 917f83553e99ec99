package ai.perstack.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the suite saw (response bodies and headers, log lines) and every secret value it used. */
public final class Captured {
    private static final List<String> OUTPUT = new ArrayList<>();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Captured() {
    }

    /** A new secret value, remembered so the scan can look for it. */
    public static String secretValue() {
        String value = "sv-" + UUID.randomUUID();
        SECRETS.add(value);
        return value;
    }

    static synchronized void response(Res res) {
        OUTPUT.add(res.headers().map() + " " + res.text());
    }

    /** Adds a log line (called by the capturing log appender). */
    public static synchronized void log(String line) {
        OUTPUT.add(line);
    }

    public static synchronized List<String> output() {
        return new ArrayList<>(OUTPUT);
    }

    public static Set<String> secrets() {
        return Set.copyOf(SECRETS);
    }
}
