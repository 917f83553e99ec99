package ai.perstack.server.skills.base;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The environment core gives a process it starts (a stdio skill, or {@code exec}): only the
 * safe names taken from the host's environment, plus the pairs the caller adds, minus the
 * protected names (compared upper-cased), which an added pair can never set. Nothing else of
 * the server's environment (keys, database URLs) reaches the child.
 */
public final class ChildEnvironment {
    /** Names copied from the host's environment when set. */
    public static final List<String> SAFE = List.of("PATH", "HOME", "SHELL", "TERM", "NODE_PATH", "HTTP_PROXY",
            "HTTPS_PROXY", "http_proxy", "https_proxy", "NO_PROXY", "no_proxy", "PERSTACK_PROXY_URL",
            "NPM_CONFIG_PROXY", "NPM_CONFIG_HTTPS_PROXY");
    /** Names an added pair may not set (upper-cased). */
    public static final Set<String> PROTECTED = Set.of("PATH", "HOME", "SHELL", "NODE_PATH", "LD_PRELOAD",
            "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "NODE_OPTIONS", "PYTHONPATH",
            "PERL5LIB", "RUBYLIB");

    private ChildEnvironment() {
    }

    /** The child's whole environment. */
    public static Map<String, String> build(Map<String, String> host, Map<String, String> added) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : SAFE) {
            String value = host.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        added.forEach((name, value) -> {
            if (!PROTECTED.contains(name.toUpperCase(Locale.ROOT)) && value != null) {
                env.put(name, value);
            }
        });
        return env;
    }
}
