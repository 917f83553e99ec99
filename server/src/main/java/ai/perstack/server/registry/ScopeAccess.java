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
        ExpertKey key = ExpertKey.fromSegments(orgSegment, nameSegment);
        if (key == null) {
            throw ApiException.invalid("key", "must be @org/name, @org/name@version or @org/name@tag, where org and name match "
                    + ExpertKey.NAME.pattern() + ", versions are semver and tags match " + ExpertKey.TAG.pattern());
        }
        return key;
    }

    /** Parses a scope (no version or tag) given as the two path segments, or 400. */
    static ExpertKey scope(String orgSegment, String nameSegment) {
        ExpertKey key = key(orgSegment, nameSegment);
        if (!key.isScopeOnly()) {
            throw ApiException.invalid("scope", "must be @org/name without a version or tag");
        }
        return key;
    }

    /** A scope the organization may read (its own or a public one), or 404. */
    ScopeRecord readable(Tx tx, Organization org, ExpertKey key) throws SQLException {
        return experts.findScope(tx, key.scopeName())
                .filter(s -> isOwner(org, s) || "public".equals(s.visibility()))
                .orElseThrow(() -> notFound(key));
    }

    /** A scope the organization owns and may change: 404 if invisible, 403 if someone else's public scope. */
    ScopeRecord writable(Tx tx, Organization org, ExpertKey key) throws SQLException {
        ScopeRecord scope = experts.findScope(tx, key.scopeName()).orElseThrow(() -> notFound(key));
        return checkWritable(org, scope, key);
    }

    /** A scope whose drafts the organization may see: drafts are visible to the owner only. */
    ScopeRecord ownedForReading(Tx tx, Organization org, ExpertKey key) throws SQLException {
        return experts.findScope(tx, key.scopeName()).filter(s -> isOwner(org, s)).orElseThrow(() -> notFound(key));
    }

    static ScopeRecord checkWritable(Organization org, ScopeRecord scope, ExpertKey key) {
        if (isOwner(org, scope)) {
            return scope;
        }
        if ("public".equals(scope.visibility())) {
            throw ApiException.forbidden("expert scope " + key.scopeName() + " belongs to another organization");
        }
        throw notFound(key);
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
