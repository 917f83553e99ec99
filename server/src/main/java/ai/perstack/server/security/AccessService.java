package ai.perstack.server.security;

import ai.perstack.server.domain.Ids;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.OrganizationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Organizations and their API keys: who a caller is. */
public final class AccessService {
    /** Organization names: they become the {@code @org} part of expert scopes. */
    public static final Pattern ORGANIZATION_NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,254}$");

    /** How long a looked-up key is trusted without asking the store again. */
    static final long KEY_CACHE_NANOS = 5_000_000_000L;
    /** The most keys remembered; past it the cache starts over. */
    static final int KEY_CACHE_SIZE = 10_000;

    private final Database db;
    private final OrganizationRepository organizations;
    private final Clock clock;
    /** Key hash → organization, for keys the store recently confirmed. Unknown keys are never cached. */
    private final Map<String, CachedKey> keys = new ConcurrentHashMap<>();

    private record CachedKey(String keyHash, Organization organization, long expiresAt) {
    }

    public AccessService(Database db, OrganizationRepository organizations, Clock clock) {
        this.db = db;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * The organization a presented key belongs to, if the key is known. A key the store confirmed
     * is trusted for {@link #KEY_CACHE_NANOS} without another lookup, so a key removed from the
     * store directly stops working within that time; unknown keys are looked up every time.
     */
    public Optional<Organization> authenticate(String presentedKey) {
        if (!ApiKeys.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        String hash = ApiKeys.hash(presentedKey);
        long now = System.nanoTime();
        CachedKey cached = keys.get(hash);
        if (cached != null && now - cached.expiresAt() < 0 && ApiKeys.sameHash(cached.keyHash(), hash)) {
            return Optional.of(cached.organization());
        }
        Optional<Organization> found = db.inTransaction(tx -> organizations.findKey(tx, hash))
                .filter(k -> ApiKeys.sameHash(k.keyHash(), hash))
                .map(OrganizationRepository.KeyRecord::organization);
        if (found.isPresent()) {
            if (keys.size() >= KEY_CACHE_SIZE) {
                keys.clear();
            }
            keys.put(hash, new CachedKey(hash, found.get(), now + KEY_CACHE_NANOS));
        } else {
            keys.remove(hash);
        }
        return found;
    }

    /** Forgets every cached key lookup (after keys change in the store). */
    public void forgetCachedKeys() {
        keys.clear();
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
        keys.remove(hash);
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
