package ai.perstack.server.security;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.OrganizationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/** Organizations and their API keys: who a caller is. */
public final class AccessService {
    /** Organization names: they become the {@code @org} part of expert scopes. */
    public static final Pattern ORGANIZATION_NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,254}$");

    private final Database db;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public AccessService(Database db, OrganizationRepository organizations, Clock clock) {
        this.db = db;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The organization a presented key belongs to, if the key is known. */
    public Optional<Organization> authenticate(String presentedKey) {
        if (!ApiKeys.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(presentedKey);
        return db.inTransaction(tx -> organizations.findKey(tx, hash))
                .filter(found -> ApiKeys.sameHash(found.keyHash(), hash))
                .map(OrganizationRepository.KeyRecord::organization);
    }

    /** Creates the organization if needed and returns a new key for it. */
    public String createKey(String organizationName) {
        String key = ApiKeys.generate();
        addKey(organizationName, key);
        return key;
    }

    /**
     * Makes sure {@code key} is a key of the organization (creating both as needed).
     *
     * @throws IllegalStateException if the key already belongs to another organization
     */
    public void addKey(String organizationName, String key) {
        if (!ORGANIZATION_NAME.matcher(organizationName).matches()) {
            throw new IllegalArgumentException("organization names must match " + ORGANIZATION_NAME.pattern());
        }
        if (!ApiKeys.isWellFormed(key)) {
            throw new IllegalArgumentException("an API key must be 16..512 printable ASCII characters");
        }
        String hash = ApiKeys.hash(key);
        db.inTransaction(tx -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Organization org = organizations.findOrCreate(tx, Ids.newId(), organizationName, now);
            Optional<OrganizationRepository.KeyRecord> existing = organizations.findKey(tx, hash);
            if (existing.isPresent()) {
                if (!existing.get().organization().id().equals(org.id())) {
                    throw new IllegalStateException("that API key already belongs to another organization");
                }
                return null;
            }
            organizations.insertKey(tx, Ids.newId(), org.id(), hash, now);
            return null;
        });
    }

    /** Whether the organization exists and has at least one key. */
    public boolean hasKeys(String organizationName) {
        return db.inTransaction(tx -> organizations.findByName(tx, organizationName)
                .map(org -> {
                    try {
                        return organizations.countKeys(tx, org.id()) > 0;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElse(false));
    }
}
