package ai.perstack.server.registry;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.registry.Views.VersionView;
import ai.perstack.server.store.ExpertRepository;
import ai.perstack.server.store.ScopeRecord;
import ai.perstack.server.store.Tx;
import ai.perstack.server.store.VersionRecord;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Visibility and ownership of scopes, and key resolution, shared by the registry services.
 * A private scope is invisible (404) to other organizations; writes are owner-only, and
 * another organization writing to a public scope gets 403.
 */
final class ScopeAccess {
    private final ExpertRepository experts;

    ScopeAccess(ExpertRepository experts) {
        this.experts = experts;
    }

    /** Parses a key given as the two path segments, or 400. */
    static ExpertKey key(String orgSegment, String nameSegment) {
        if (orgSegment == null || !orgSegment.startsWith("@") || !ExpertKey.NAME.matcher(orgSegment.substring(1)).matches()) {
            throw ApiException.invalid("org", "must be @ followed by an organization name matching " + ExpertKey.NAME.pattern());
        }
        ExpertKey key = ExpertKey.fromSegments(orgSegment, nameSegment);
        if (key == null) {
            throw ApiException.invalid("name", "must be a name matching " + ExpertKey.NAME.pattern()
                    + ", optionally followed by @version (semver) or @tag (" + ExpertKey.TAG.pattern() + ")");
        }
        return key;
    }

    /** Parses a scope (no version or tag) given as the two path segments, or 400. */
    static ExpertKey scope(String orgSegment, String nameSegment) {
        ExpertKey key = key(orgSegment, nameSegment);
        if (!key.isScopeOnly()) {
            throw ApiException.invalid("name", "must name a scope, without a version or tag");
        }
        return key;
    }

    /** A scope the organization may read (its own or a public one), or 404. */
    ScopeRecord readable(Tx tx, Organization org, ExpertKey key) throws SQLException {
        return experts.findScope(tx, key.scopeName())
                .filter(s -> isOwner(org, s) || "public".equals(s.visibility()))
                .orElseThrow(() -> notFound(key));
    }

    /**
     * A scope the organization owns and may change. Another organization's public scope is a
     * 403; any other scope outside the caller's namespace is a 400 (whether it exists or not,
     * so nothing leaks); a missing scope of the caller's is a 404.
     */
    ScopeRecord writable(Tx tx, Organization org, ExpertKey key) throws SQLException {
        Optional<ScopeRecord> scope = experts.findScope(tx, key.scopeName());
        checkNamespace(org, scope.orElse(null), key);
        return scope.orElseThrow(() -> notFound(key));
    }

    /** Rejects writes outside the caller's namespace: 403 for a public scope, else 400. */
    static void checkNamespace(Organization org, ScopeRecord scope, ExpertKey key) {
        if (scope != null && isOwner(org, scope)) {
            return;
        }
        if (scope != null && "public".equals(scope.visibility())) {
            throw ApiException.forbidden("expert scope " + key.scopeName() + " belongs to another organization");
        }
        if (!key.organization().equals(org.name())) {
            throw ApiException.invalid("org", "must be your organization's namespace @" + org.name());
        }
    }

    /** A scope whose drafts the organization may see: drafts are visible to the owner only. */
    ScopeRecord ownedForReading(Tx tx, Organization org, ExpertKey key) throws SQLException {
        return experts.findScope(tx, key.scopeName()).filter(s -> isOwner(org, s)).orElseThrow(() -> notFound(key));
    }

    static boolean isOwner(Organization org, ScopeRecord scope) {
        return scope.organizationId().equals(org.id());
    }

    /** The version a key names: exact version (even if yanked), a tag, or {@code latest}; else 404. */
    VersionRecord resolve(Tx tx, ScopeRecord scope, ExpertKey key) throws SQLException {
        List<VersionRecord> versions = experts.listVersions(tx, scope.id());
        String wanted;
        if (key.version() != null) {
            wanted = key.version();
        } else {
            wanted = experts.tags(tx, scope.id()).get(key.tag() != null ? key.tag() : ExpertKey.LATEST);
        }
        return versions.stream().filter(v -> v.version().equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.notFound("expert " + key + " not found"));
    }

    /** Whether a full key resolves for the organization (visible scope, existing version or tag). */
    boolean resolves(Tx tx, Organization org, ExpertKey key) throws SQLException {
        Optional<ScopeRecord> scope = experts.findScope(tx, key.scopeName())
                .filter(s -> isOwner(org, s) || "public".equals(s.visibility()));
        if (scope.isEmpty()) {
            return false;
        }
        try {
            resolve(tx, scope.get(), key);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    /** A version with its tags. */
    static VersionView view(VersionRecord version, Map<String, String> tags) {
        return new VersionView(version.version(), Tags.tagsOf(tags, version.version()), version.yanked(),
                version.createdAt());
    }

    /** Versions newest first (semver precedence, build metadata last-resort by text). */
    static Comparator<VersionRecord> newestFirst() {
        Comparator<VersionRecord> bySemver = Comparator.comparing(v -> Semver.parse(v.version()));
        return bySemver.thenComparing(VersionRecord::version).reversed();
    }

    static ApiException notFound(ExpertKey key) {
        return ApiException.notFound("expert scope " + key.scopeName() + " not found");
    }
}
