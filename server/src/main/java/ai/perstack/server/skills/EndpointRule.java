package ai.perstack.server.skills;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Core's rule for an {@code mcpSseSkill} endpoint: an https URL whose host, judged by its text
 * alone (no DNS), is not private or local. With the operator's loopback flag, plain http (or
 * https) to {@code localhost}, {@code 127.x.x.x} or {@code [::1]} is allowed as well.
 */
public final class EndpointRule {
    private static final String RULE = "Endpoint must be a public HTTPS URL";
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    private EndpointRule() {
    }

    /** Why the endpoint is refused, or null when it may be used. */
    public static String problem(String endpoint, boolean allowLoopbackHttp) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return RULE + " (not a valid URL)";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty() || uri.getUserInfo() != null) {
            return RULE + " (no host, or credentials in the URL)";
        }
        if (allowLoopbackHttp && isLoopback(host) && (scheme.equals("http") || scheme.equals("https"))) {
            return null;
        }
        if (!scheme.equals("https")) {
            return allowLoopbackHttp ? RULE + " (plain http only to a loopback host)" : RULE;
        }
        if (isPrivate(host)) {
            return RULE + " (private or local host)";
        }
        return null;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.") && IPV4.matcher(host).matches();
    }

    static boolean isPrivate(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1") || host.equals("0.0.0.0")
                || host.equals("::")) {
            return true;
        }
        if (host.contains(":")) {
            if (host.startsWith("fe80:") || host.startsWith("fc") || host.startsWith("fd")) {
                return true;
            }
            if (host.startsWith("::ffff:")) {
                return isPrivateIpv4(host.substring(7));
            }
            return false;
        }
        return isPrivateIpv4(host);
    }

    private static boolean isPrivateIpv4(String host) {
        var m = IPV4.matcher(host);
        if (!m.matches()) {
            return false;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a == 10 || a == 127 || a == 0 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
                || a == 169 && b == 254;
    }
}
