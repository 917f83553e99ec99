package ai.perstack.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the local platform (the Maven project version, stamped at build time). */
public final class Version {
    /** For example {@code 0.1.0-SNAPSHOT}; {@code dev} if the build did not stamp it. */
    public static final String VALUE = detect();

    private Version() {
    }

    private static String detect() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
