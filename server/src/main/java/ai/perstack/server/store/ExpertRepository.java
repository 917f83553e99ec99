package ai.perstack.server.store;

import ai.perstack.server.domain.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Expert scopes, drafts, versions and tags. Visibility rules live in the registry, not here. */
public final class ExpertRepository {
    private static final String SCOPE_COLUMNS =
            "id, organization_id, scope_name, description, category, visibility, created_at, updated_at";
    private static final String DRAFT_COLUMNS = "id, scope_id, application_id, experts_json, created_at, updated_at";

    // ---- scopes

    public Optional<ScopeRecord> findScope(Tx tx, String scopeName) throws SQLException {
        return tx.queryOne("SELECT " + SCOPE_COLUMNS + " FROM expert_scopes WHERE scope_name = ?",
                ExpertRepository::mapScope, scopeName);
    }

    /** Inserts the scope; false when the name is taken. */
    public boolean insertScope(Tx tx, ScopeRecord scope) throws SQLException {
        return tx.insertUnlessDuplicate("INSERT INTO expert_scopes (" + SCOPE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                scope.id(), scope.organizationId(), scope.scopeName(), scope.description(), scope.category(),
                scope.visibility(), scope.createdAt(), scope.updatedAt());
    }

    public void updateScope(Tx tx, ScopeRecord scope) throws SQLException {
        tx.update("UPDATE expert_scopes SET description = ?, category = ?, visibility = ?, updated_at = ? WHERE id = ?",
                scope.description(), scope.category(), scope.visibility(), scope.updatedAt(), scope.id());
    }

    /**
     * One page of the scopes visible to an organization: its own and every public one.
     *
     * @param textFilter      substring of the scope name or description (case-insensitive), or null
     * @param category        exact category, or null
     * @param includeUnversioned whether scopes without any version are included
     */
    public Page<ScopeRecord> listVisibleScopes(Tx tx, String organizationId, String textFilter, String category,
                                               boolean includeUnversioned, int limit, int offset) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE (s.organization_id = ? OR s.visibility = 'public')");
        List<Object> args = new ArrayList<>(List.of(organizationId));
        if (textFilter != null) {
            where.append(" AND (LOWER(s.scope_name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(s.description, '')) LIKE ? ESCAPE '\\')");
            String pattern = Tx.likePattern(textFilter);
            args.add(pattern);
            args.add(pattern);
        }
        if (category != null) {
            where.append(" AND s.category = ?");
            args.add(category);
        }
        if (!includeUnversioned) {
            where.append(" AND EXISTS (SELECT 1 FROM expert_versions v WHERE v.scope_id = s.id)");
        }
        long total = tx.count("SELECT COUNT(*) FROM expert_scopes s" + where, args.toArray());
        args.add(limit);
        args.add(offset);
        List<ScopeRecord> items = tx.query("SELECT " + SCOPE_COLUMNS.replaceAll("(\\w+)", "s.$1")
                        + " FROM expert_scopes s" + where + " ORDER BY s.updated_at DESC, s.id DESC LIMIT ? OFFSET ?",
                ExpertRepository::mapScope, args.toArray());
        return new Page<>(items, total);
    }

    // ---- drafts

    public Optional<DraftRecord> findDraft(Tx tx, String scopeId, String draftId) throws SQLException {
        return tx.queryOne("SELECT " + DRAFT_COLUMNS + " FROM expert_drafts WHERE scope_id = ? AND id = ?",
                ExpertRepository::mapDraft, scopeId, draftId);
    }

    /** Drafts of a scope, newest first. */
    public Page<DraftRecord> listDrafts(Tx tx, String scopeId, int limit, int offset) throws SQLException {
        long total = tx.count("SELECT COUNT(*) FROM expert_drafts WHERE scope_id = ?", scopeId);
        List<DraftRecord> items = tx.query("SELECT " + DRAFT_COLUMNS + " FROM expert_drafts WHERE scope_id = ? "
                + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?", ExpertRepository::mapDraft, scopeId, limit, offset);
        return new Page<>(items, total);
    }

    public void insertDraft(Tx tx, DraftRecord draft) throws SQLException {
        tx.update("INSERT INTO expert_drafts (" + DRAFT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", draft.id(),
                draft.scopeId(), draft.applicationId(), draft.expertsJson(), draft.createdAt(), draft.updatedAt());
    }

    public void updateDraft(Tx tx, String draftId, String expertsJson, Instant now) throws SQLException {
        tx.update("UPDATE expert_drafts SET experts_json = ?, updated_at = ? WHERE id = ?", expertsJson, now, draftId);
    }

    public void deleteDraft(Tx tx, String draftId) throws SQLException {
        tx.update("DELETE FROM expert_drafts WHERE id = ?", draftId);
    }

    // ---- versions and tags

    /** Every version of a scope, in no particular order (the registry orders by semver). */
    public List<VersionRecord> listVersions(Tx tx, String scopeId) throws SQLException {
        return tx.query("SELECT scope_id, version, experts_json, yanked, created_at FROM expert_versions WHERE scope_id = ?",
                rs -> new VersionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        Tx.instant(rs, "created_at")), scopeId);
    }

    /** Inserts a version; false when it already exists. */
    public boolean insertVersion(Tx tx, VersionRecord version) throws SQLException {
        return tx.insertUnlessDuplicate("INSERT INTO expert_versions (scope_id, version, experts_json, yanked, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", version.scopeId(), version.version(), version.expertsJson(),
                version.yanked(), version.createdAt());
    }

    public void markYanked(Tx tx, String scopeId, String version) throws SQLException {
        tx.update("UPDATE expert_versions SET yanked = TRUE WHERE scope_id = ? AND version = ?", scopeId, version);
    }

    /** Tag → version of a scope, in tag order. */
    public Map<String, String> tags(Tx tx, String scopeId) throws SQLException {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String[] row : tx.query("SELECT tag, version FROM expert_tags WHERE scope_id = ? ORDER BY tag",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, scopeId)) {
            tags.put(row[0], row[1]);
        }
        return tags;
    }

    /** Replaces the tags of a scope with {@code tags}. */
    public void replaceTags(Tx tx, String scopeId, Map<String, String> tags, Instant now) throws SQLException {
        tx.update("DELETE FROM expert_tags WHERE scope_id = ?", scopeId);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            tx.update("INSERT INTO expert_tags (scope_id, tag, version, assigned_at) VALUES (?, ?, ?, ?)",
                    scopeId, tag.getKey(), tag.getValue(), now);
        }
    }

    /** Takes a row lock on the scope so concurrent registry writes to it serialize. */
    public void lockScope(Tx tx, String scopeId) throws SQLException {
        tx.update("UPDATE expert_scopes SET id = id WHERE id = ?", scopeId);
    }

    private static ScopeRecord mapScope(ResultSet rs) throws SQLException {
        return new ScopeRecord(rs.getString("id"), rs.getString("organization_id"), rs.getString("scope_name"),
                rs.getString("description"), rs.getString("category"), rs.getString("visibility"),
                Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }

    private static DraftRecord mapDraft(ResultSet rs) throws SQLException {
        return new DraftRecord(rs.getString("id"), rs.getString("scope_id"), rs.getString("application_id"),
                rs.getString("experts_json"), Tx.instant(rs, "created_at"), Tx.instant(rs, "updated_at"));
    }
}
