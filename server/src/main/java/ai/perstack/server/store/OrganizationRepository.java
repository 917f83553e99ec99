package ai.perstack.server.store;

import ai.perstack.server.domain.Organization;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Organizations and the hashes of their API keys. */
public final class OrganizationRepository {

    public Optional<Organization> findByName(Tx tx, String name) throws SQLException {
        return tx.queryOne("SELECT id, name FROM organizations WHERE name = ?",
                rs -> new Organization(rs.getString("id"), rs.getString("name")), name);
    }

    /** Inserts the organization unless one with that name exists; returns whichever is stored. */
    public Organization findOrCreate(Tx tx, String id, String name, Instant now) throws SQLException {
        tx.insertUnlessDuplicate("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)", id, name, now);
        return findByName(tx, name).orElseThrow();
    }

    public void insertKey(Tx tx, String id, String organizationId, String keyHash, Instant now) throws SQLException {
        tx.update("INSERT INTO api_keys (id, organization_id, key_hash, created_at) VALUES (?, ?, ?, ?)",
                id, organizationId, keyHash, now);
    }

    /** The stored hash and organization of a key hash, found through the unique index. */
    public Optional<KeyRecord> findKey(Tx tx, String keyHash) throws SQLException {
        return tx.queryOne("SELECT k.key_hash, o.id, o.name FROM api_keys k "
                        + "JOIN organizations o ON o.id = k.organization_id WHERE k.key_hash = ?",
                rs -> new KeyRecord(rs.getString(1), new Organization(rs.getString(2), rs.getString(3))),
                keyHash);
    }

    public long countKeys(Tx tx, String organizationId) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM api_keys WHERE organization_id = ?", organizationId);
    }

    /** A stored key hash and the organization it belongs to. */
    public record KeyRecord(String keyHash, Organization organization) {
    }
}
