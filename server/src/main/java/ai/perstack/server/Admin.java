package ai.perstack.server;

import ai.perstack.server.security.AccessService;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.OrganizationRepository;
import java.nio.file.Path;
import java.time.Clock;

/** Offline administration of a store: works whether or not a server is running on it. */
public final class Admin {
    private Admin() {
    }

    /**
     * Creates the organization if needed and returns a new API key for it.
     *
     * @param databaseUrl a {@code jdbc:postgresql:} URL, or null for the H2 store in {@code dataDir}
     */
    public static String createApiKey(Path dataDir, String databaseUrl, String organizationName) {
        try (Database db = Database.open(databaseUrl, dataDir)) {
            return new AccessService(db, new OrganizationRepository(), Clock.systemUTC()).createKey(organizationName);
        }
    }
}
