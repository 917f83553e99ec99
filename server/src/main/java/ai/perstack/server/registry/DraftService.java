package ai.perstack.server.registry;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Ids;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Page;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.registry.Views.DraftView;
import ai.perstack.server.registry.Views.VersionView;
import ai.perstack.server.store.ApplicationRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.DraftRecord;
import ai.perstack.server.store.ExpertRepository;
import ai.perstack.server.store.ScopeRecord;
import ai.perstack.server.store.Tx;
import ai.perstack.server.store.VersionRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Drafts (mutable, owner-only) and turning a draft into an immutable version. */
public final class DraftService {
    private final Database db;
    private final ExpertRepository experts;
    private final ApplicationRepository applications;
    private final RegistryService registry;
    private final ScopeAccess access;
    private final Clock clock;

    public DraftService(Database db, ExpertRepository experts, ApplicationRepository applications,
                        RegistryService registry, Clock clock) {
        this.db = db;
        this.experts = experts;
        this.applications = applications;
        this.registry = registry;
        this.access = new ScopeAccess(experts);
        this.clock = clock;
    }

    public Page<DraftView> list(Organization org, String orgSegment, String nameSegment, int limit, int offset) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.ownedForReading(tx, org, key);
            Page<DraftRecord> page = experts.listDrafts(tx, scope.id(), limit, offset);
            return new Page<>(page.items().stream().map(d -> view(scope, d)).toList(), page.total());
        });
    }

    public DraftView get(Organization org, String orgSegment, String nameSegment, String draftId) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.ownedForReading(tx, org, key);
            return view(scope, requireDraft(tx, scope, draftId));
        });
    }

    /** Creates a draft, creating the scope (private) on first use. */
    public DraftView create(Organization org, String orgSegment, String nameSegment, String applicationId,
                            JsonNode expertsNode, String category, String description) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        Validation v = new Validation();
        if (applicationId == null) {
            v.fail("applicationId", "is required");
        }
        ArrayNode definition = ExpertDefinitions.validate(expertsNode, v);
        if (category != null && !RegistryService.CATEGORIES.contains(category)) {
            v.fail("category", "must be one of automation, coding, data, general, research, writing");
        }
        if (description != null) {
            v.length("description", description, 0, 2048);
        }
        v.throwIfInvalid();
        return db.inTransaction(tx -> {
            ScopeRecord scope = scopeForNewDraft(tx, org, key, category, description);
            if (applications.find(tx, org.id(), applicationId).isEmpty()) {
                throw ApiException.invalid("applicationId", "must name an application of your organization");
            }
            Instant now = now();
            DraftRecord draft = new DraftRecord(Ids.newId(), scope.id(), applicationId, definition.toString(), now, now);
            experts.insertDraft(tx, draft);
            registry.touch(tx, scope, now);
            return view(scope, draft);
        });
    }

    private ScopeRecord scopeForNewDraft(Tx tx, Organization org, ExpertKey key, String category, String description)
            throws SQLException {
        Optional<ScopeRecord> existing = experts.findScope(tx, key.scopeName());
        Instant now = now();
        ScopeAccess.checkNamespace(org, existing.orElse(null), key);
        if (existing.isEmpty()) {
            ScopeRecord scope = new ScopeRecord(Ids.newId(), org.id(), key.scopeName(), description,
                    category != null ? category : "general", "private", now, now);
            if (experts.insertScope(tx, scope)) {
                return scope;
            }
            existing = experts.findScope(tx, key.scopeName()); // created concurrently
        }
        ScopeAccess.checkNamespace(org, existing.orElseThrow(), key);
        ScopeRecord scope = existing.get();
        if (category != null || description != null) {
            scope = new ScopeRecord(scope.id(), scope.organizationId(), scope.scopeName(),
                    description != null ? description : scope.description(),
                    category != null ? category : scope.category(), scope.visibility(), scope.createdAt(), now);
            experts.updateScope(tx, scope);
        }
        return scope;
    }

    public DraftView update(Organization org, String orgSegment, String nameSegment, String draftId,
                            JsonNode expertsNode) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        Validation v = new Validation();
        ArrayNode definition = ExpertDefinitions.validate(expertsNode, v);
        v.throwIfInvalid();
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.writable(tx, org, key);
            DraftRecord draft = requireDraft(tx, scope, draftId);
            Instant now = now();
            experts.updateDraft(tx, draft.id(), definition.toString(), now);
            registry.touch(tx, scope, now);
            return view(scope, new DraftRecord(draft.id(), draft.scopeId(), draft.applicationId(),
                    definition.toString(), draft.createdAt(), now));
        });
    }

    public DraftView delete(Organization org, String orgSegment, String nameSegment, String draftId) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.writable(tx, org, key);
            DraftRecord draft = requireDraft(tx, scope, draftId);
            experts.deleteDraft(tx, draft.id());
            registry.touch(tx, scope, now());
            return view(scope, draft);
        });
    }

    /**
     * Freezes a draft as a new version. The version must be new (else 409), valid semver and
     * greater than every existing version (else 400); every delegate must resolve (else 400).
     */
    public VersionView assignVersion(Organization org, String orgSegment, String nameSegment, String draftId,
                                     String version, String tag) {
        ExpertKey key = ScopeAccess.scope(orgSegment, nameSegment);
        Validation v = new Validation();
        Semver semver = null;
        if (version == null) {
            v.fail("version", "is required");
        } else if ((semver = Semver.parse(version)) == null) {
            v.fail("version", "must be a semantic version (semver 2.0.0), e.g. 1.2.3");
        }
        if (tag != null && !ExpertKey.TAG.matcher(tag).matches()) {
            v.fail("tag", "must match " + ExpertKey.TAG.pattern());
        }
        v.throwIfInvalid();
        Semver newVersion = semver;
        return db.inTransaction(tx -> {
            ScopeRecord scope = access.writable(tx, org, key);
            experts.lockScope(tx, scope.id());
            DraftRecord draft = requireDraft(tx, scope, draftId);
            List<VersionRecord> existing = experts.listVersions(tx, scope.id());
            if (existing.stream().anyMatch(r -> r.version().equals(version))) {
                throw ApiException.conflict("version " + version + " of " + scope.scopeName() + " already exists");
            }
            for (VersionRecord r : existing) {
                if (newVersion.compareTo(Semver.parse(r.version())) <= 0) {
                    throw ApiException.invalid("version", "must be greater than every existing version (" + r.version() + ")");
                }
            }
            checkDelegates(tx, org, registry.parse(draft.expertsJson()));
            Instant now = now();
            VersionRecord record = new VersionRecord(scope.id(), version, draft.expertsJson(), false, now);
            if (!experts.insertVersion(tx, record)) {
                throw ApiException.conflict("version " + version + " of " + scope.scopeName() + " already exists");
            }
            Map<String, String> tags = Tags.afterAssign(experts.tags(tx, scope.id()), version, tag);
            experts.replaceTags(tx, scope.id(), tags, now);
            registry.touch(tx, scope, now);
            return ScopeAccess.view(record, tags);
        });
    }

    private void checkDelegates(Tx tx, Organization org, JsonNode definition) throws SQLException {
        Set<String> members = new HashSet<>();
        definition.forEach(e -> members.add(e.path("key").asText()));
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < definition.size(); i++) {
            JsonNode delegates = definition.get(i).path("delegates");
            for (int j = 0; j < delegates.size(); j++) {
                String delegate = delegates.get(j).asText();
                boolean ok = ExpertDefinitions.isMemberKey(delegate)
                        ? members.contains(delegate)
                        : access.resolves(tx, org, ExpertKey.parse(delegate));
                if (!ok) {
                    failures.put("experts[" + i + "].delegates[" + j + "]", "delegate " + delegate + " does not resolve");
                }
            }
        }
        if (!failures.isEmpty()) {
            throw ApiException.invalid(failures);
        }
    }

    private DraftRecord requireDraft(Tx tx, ScopeRecord scope, String draftId) throws SQLException {
        return experts.findDraft(tx, scope.id(), draftId)
                .orElseThrow(() -> ApiException.notFound("draft " + draftId + " of " + scope.scopeName() + " not found"));
    }

    private DraftView view(ScopeRecord scope, DraftRecord draft) {
        return new DraftView(scope.scopeName(), draft, registry.parse(draft.expertsJson()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
