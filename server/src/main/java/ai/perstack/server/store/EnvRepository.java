package ai.perstack.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Secrets and variables of an organization, in one namespace. */
public final class EnvRepository {
    private static final String COLUMNS =
            "organization_id, name, kind, plain_value, sealed_value, created_at, updated_at";

    /** The entry with that name, whatever its kind. */
    public Optional<EnvEntryRecord> find(Tx tx, String organizationId, String name) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM env_entries WHERE organization_id = ? AND name = ?",
                EnvRepository::map, organizationId, name);
    }

    /** All entries of one kind, sorted by name. */
    public List<EnvEntryRecord> list(Tx tx, String organizationId, String kind) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM env_entries WHERE organization_id = ? AND kind = ? ORDER BY name",
                EnvRepository::map, organizationId, kind);
    }

    /** Inserts the entry; false when the name is already taken by a secret or a variable. */
    public boolean insert(Tx tx, EnvEntryRecord entry) throws SQLException {
        return tx.insertUnlessDuplicate("INSERT INTO env_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                entry.organizationId(), entry.name(), entry.kind(), entry.plainValue(), entry.sealedValue(),
                entry.createdAt(), entry.updatedAt());
    }

    public void updateValue(Tx tx, String organizationId, String name, String plainValue, byte[] sealedValue,
                            Instant now) throws SQLException {
        tx.update("UPDATE env_entries SET plain_value = ?, sealed_value = ?, updated_at = ? "
                + "WHERE organization_id = ? AND name = ?", plainValue, sealedValue, now, organizationId, name);
    }

    public void delete(Tx tx, String organizationId, String name) throws SQLException {
        tx.update("DELETE FROM env_entries WHERE organization_id = ? AND name = ?", organizationId, name);
    }

    private static EnvEntryRecord map(ResultSet rs) throws SQLException {
        return new EnvEntryRecord(rs.getString("organization_id"), rs.getString("name"), rs.getString("kind"),
                rs.getString("plain_value"), rs.getBytes("sealed_value"),
                Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }
}
