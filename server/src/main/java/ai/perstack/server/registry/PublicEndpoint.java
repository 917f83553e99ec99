package ai.perstack.server.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Perstack core's rule for {@code mcpSseSkill.endpoint}: an {@code https:} URL whose host is not
 * private or local, judged by the host string alone (no DNS lookup).
 */
final class PublicEndpoint {
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    private PublicEndpoint() {
    }

    static boolean isPublicHttps(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return !isPrivateHost(host);
    }

    static boolean isPrivateHost(String host) {
        if (host.equals("localhost") || host.equals("::1") || host.equals("0.0.0.0")) {
            return true;
        }
        if (host.contains(":")) {
            if (host.startsWith("fe80:") || host.startsWith("fc") || host.startsWith("fd")) {
                return true;
            }
            return host.startsWith("::ffff:") && isPrivateIpv4(host.substring("::ffff:".length()));
        }
        return isPrivateIpv4(host);
    }

    private static boolean isPrivateIpv4(String host) {
        Matcher m = IPV4.matcher(host);
        if (!m.matches()) {
            return false;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                || (a == 169 && b == 254) || host.equals("0.0.0.0");
    }
}
