package ai.perstack.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} header: {@code perstack-java/<version> Java/<version>}. */
public final class UserAgent {
    /** The client's version, from the build. */
    public static final String CLIENT_VERSION = readVersion();
    /** The header value. */
    public static final String VALUE = "perstack-java/" + CLIENT_VERSION + " Java/" + Runtime.version().feature()
            + "." + Runtime.version().interim() + "." + Runtime.version().update();

    private UserAgent() {
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/ai/perstack/client/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
