package ai.perstack.server.registry;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Page;
import ai.perstack.server.registry.Views.DefinitionView;
import ai.perstack.server.registry.Views.ScopeView;
import ai.perstack.server.registry.Views.VersionView;
import ai.perstack.server.registry.Views.YankView;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.ExpertRepository;
import ai.perstack.server.store.ScopeRecord;
import ai.perstack.server.store.Tx;
import ai.perstack.server.store.VersionRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading the registry, visibility (publish/unpublish) and yanks. Drafts live in {@link DraftService}. */
public final class RegistryService {
    /** Categories a scope can have. */
    public static final Set<String> CATEGORIES = Set.of("general", "coding", "research", "writing", "data", "automation");

    private final Database db;
    private final ExpertRepository experts;
    private final ScopeAccess access;
    private final ObjectMapper json;
    private final Clock clock;

    public RegistryService(Database db, ExpertRepository experts, ObjectMapper json, Clock clock) {
        this.db = db;
        this.experts = experts;
        this.access = new ScopeAccess(experts);
        this.json = json;
        this.clock = clock;
    }

    /** The caller's scopes and every public scope, most recently updated first. */
    public Page<ScopeView> list(Organization org, String filter, String category, boolean includeDrafts,
                                int limit, int offset) {
        return db.inTransaction(tx -> {
            Page<ScopeRecord> page = experts.listVisibleScopes(tx, org.id(), filter, category, includeDrafts, limit, offset);
            List<ScopeView> views = new ArrayList<>();
            for (ScopeRecord scope : page.items()) {
                views.add(scopeView(tx, scope));
            }
            return new Page<>(views, page.total());
        });
    }

    /** The definition a key names (org and name segments as in the path). */
    public DefinitionView get(Organization org, String orgSegment, String nameSegment) {
        ExpertKey key = ScopeAccess.key(orgSegment, nameSegment);
        return db.inTransaction(tx -> resolve(tx, org, key));
    }

    /**
     * Resolves a key for the organization inside a caller's transaction (jobs use this at start).
     *
     * @throws ApiException 404 when the scope is invisible or the key names no version
     */
    public DefinitionView resolve(Tx tx, Organization org, ExpertKey key) throws SQLException {
        ScopeRecord scope = access.readable(tx, org, key);
        VersionRecord version = access.resolve(tx, scope, key);
        Map<String, String> tags = experts.tags(tx, scope.id());
        return new DefinitionView(scope.scopeName(), scope.visibility(), ScopeAccess.view(version, tags),
                parse(version.expertsJson()));
    }

    /** Versions of a readable scope, newest first, yanked ones included and flagged. */
    public List<VersionView> versions(Organization org, String orgSegment, String nameSegment) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.readable(tx, org, key);
            Map<String, String> tags = experts.tags(tx, scope.id());
            return experts.listVersions(tx, scope.id()).stream()
                    .sorted(ScopeAccess.newestFirst())
                    .map(v -> ScopeAccess.view(v, tags))
                    .toList();
        });
    }

    /** Makes a scope readable by every organization. */
    public ScopeView publish(Organization org, String orgSegment, String nameSegment) {
        return setVisibility(org, orgSegment, nameSegment, "public");
    }

    /** Makes a scope visible to its organization only. */
    public ScopeView unpublish(Organization org, String orgSegment, String nameSegment) {
        return setVisibility(org, orgSegment, nameSegment, "private");
    }

    private ScopeView setVisibility(Organization org, String orgSegment, String nameSegment, String visibility) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.writable(tx, org, key);
            if (!visibility.equals(scope.visibility())) {
                scope = new ScopeRecord(scope.id(), scope.organizationId(), scope.scopeName(), scope.description(),
                        scope.category(), visibility, scope.createdAt(), now());
                experts.updateScope(tx, scope);
            }
            return scopeView(tx, scope);
        });
    }

    /**
     * Yanks an exact version: it stays fetchable by its exact key but no tag chooses it any more;
     * {@code latest} moves to the newest remaining non-yanked version or disappears.
     */
    public YankView yank(Organization org, String orgSegment, String nameSegment) {
        ExpertKey key = ScopeAccess.key(orgSegment, nameSegment);
        if (key.version() == null) {
            throw ApiException.invalid("name", "must name an exact version (name@1.2.3)");
        }
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.writable(tx, org, key);
            experts.lockScope(tx, scope.id());
            List<VersionRecord> versions = experts.listVersions(tx, scope.id());
            VersionRecord target = versions.stream().filter(v -> v.version().equals(key.version())).findFirst()
                    .orElseThrow(() -> ApiException.notFound("expert " + key + " not found"));
            if (target.yanked()) {
                throw ApiException.conflict("version " + key.version() + " is already yanked");
            }
            List<Tags.VersionState> states = versions.stream()
                    .map(v -> new Tags.VersionState(Semver.parse(v.version()), v.yanked())).toList();
            Tags.YankOutcome outcome = Tags.afterYank(experts.tags(tx, scope.id()), states, key.version());
            experts.markYanked(tx, scope.id(), key.version());
            Instant now = now();
            experts.replaceTags(tx, scope.id(), outcome.tags(), now);
            touch(tx, scope, now);
            return new YankView(outcome.latestTagUpdated());
        });
    }

    ScopeView scopeView(Tx tx, ScopeRecord scope) throws SQLException {
        return new ScopeView(scope, Tags.ordered(experts.tags(tx, scope.id())));
    }

    void touch(Tx tx, ScopeRecord scope, Instant now) throws SQLException {
        experts.updateScope(tx, new ScopeRecord(scope.id(), scope.organizationId(), scope.scopeName(),
                scope.description(), scope.category(), scope.visibility(), scope.createdAt(), now));
    }

    JsonNode parse(String expertsJson) {
        try {
            return json.readTree(expertsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored experts are not valid JSON", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
