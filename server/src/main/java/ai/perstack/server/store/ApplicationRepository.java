package ai.perstack.server.store;

import ai.perstack.server.domain.Page;
import ai.perstack.server.domain.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applications, always read and written within one organization. */
public final class ApplicationRepository {
    private static final Map<String, String> SORT_COLUMNS =
            Map.of("name", "name", "createdAt", "created_at", "updatedAt", "updated_at");
    private static final String COLUMNS =
            "id, organization_id, name, status, application_group_id, created_at, updated_at";

    public Optional<ApplicationRecord> find(Tx tx, String organizationId, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM applications WHERE organization_id = ? AND id = ?",
                ApplicationRepository::map, organizationId, id);
    }

    /** One page of applications whose name contains {@code nameFilter} (case-insensitive) if given. */
    public Page<ApplicationRecord> list(Tx tx, String organizationId, String nameFilter, PageRequest page)
            throws SQLException {
        String where = " WHERE organization_id = ?";
        List<Object> args = new ArrayList<>(List.of(organizationId));
        if (nameFilter != null) {
            where += " AND LOWER(name) LIKE ? ESCAPE '\\'";
            args.add(Tx.likePattern(nameFilter));
        }
        long total = tx.count("SELECT COUNT(*) FROM applications" + where, args.toArray());
        String column = SORT_COLUMNS.get(page.sort());
        String direction = page.descending() ? " DESC" : " ASC";
        args.add(page.take());
        args.add(page.skip());
        List<ApplicationRecord> items = tx.query("SELECT " + COLUMNS + " FROM applications" + where
                        + " ORDER BY " + column + direction + ", id" + direction + " LIMIT ? OFFSET ?",
                ApplicationRepository::map, args.toArray());
        return new Page<>(items, total);
    }

    /** Inserts the application; false when the name is taken in the organization. */
    public boolean insert(Tx tx, ApplicationRecord app) throws SQLException {
        return tx.insertUnlessDuplicate("INSERT INTO applications (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                app.id(), app.organizationId(), app.name(), app.status(), app.applicationGroupId(),
                app.createdAt(), app.updatedAt());
    }

    /** Updates name, status and update time; false when the new name is taken. */
    public boolean update(Tx tx, ApplicationRecord app) throws SQLException {
        return tx.insertUnlessDuplicate("UPDATE applications SET name = ?, status = ?, updated_at = ? "
                        + "WHERE organization_id = ? AND id = ?",
                app.name(), app.status(), app.updatedAt(), app.organizationId(), app.id());
    }

    public void delete(Tx tx, String organizationId, String id) throws SQLException {
        tx.update("DELETE FROM applications WHERE organization_id = ? AND id = ?", organizationId, id);
    }

    private static ApplicationRecord map(ResultSet rs) throws SQLException {
        return new ApplicationRecord(rs.getString("id"), rs.getString("organization_id"), rs.getString("name"),
                rs.getString("status"), rs.getString("application_group_id"),
                Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }
}
