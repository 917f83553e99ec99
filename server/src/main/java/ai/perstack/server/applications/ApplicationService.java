package ai.perstack.server.applications;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Ids;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Page;
import ai.perstack.server.domain.PageRequest;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.store.ApplicationRecord;
import ai.perstack.server.store.ApplicationRepository;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Applications of an organization: create, read, rename, (de)activate, delete. */
public final class ApplicationService {

    /**
     * Decides whether an application may be deleted; the jobs module plugs in its check
     * (no queued, running or paused jobs).
     */
    @FunctionalInterface
    public interface DeletionGuard {
        /** Returns a reason the application cannot be deleted, or null if it can. */
        String blockingReason(Tx tx, String organizationId, String applicationId) throws SQLException;
    }

    /** Fields lists can be sorted by. */
    public static final Set<String> SORT_FIELDS = Set.of("name", "createdAt", "updatedAt");
    private static final Set<String> STATUSES = Set.of("active", "inactive");

    private final Database db;
    private final ApplicationRepository applications;
    private final Clock clock;
    private volatile DeletionGuard deletionGuard = (tx, org, app) -> null;

    public ApplicationService(Database db, ApplicationRepository applications, Clock clock) {
        this.db = db;
        this.applications = applications;
        this.clock = clock;
    }

    /** Installs the check run before a delete. */
    public void setDeletionGuard(DeletionGuard guard) {
        this.deletionGuard = guard;
    }

    public Page<ApplicationRecord> list(Organization org, String nameFilter, PageRequest page) {
        return db.inTransaction(tx -> applications.list(tx, org.id(), nameFilter, page));
    }

    public ApplicationRecord get(Organization org, String id) {
        return db.inTransaction(tx -> require(tx, org, id));
    }

    /** Looks up an application of the organization inside a caller's transaction, or 404. */
    public ApplicationRecord require(Tx tx, Organization org, String id) throws SQLException {
        return applications.find(tx, org.id(), id)
                .orElseThrow(() -> ApiException.notFound("application " + id + " not found"));
    }

    public ApplicationRecord create(Organization org, String name, String applicationGroupId) {
        Validation v = new Validation();
        checkName(v, name);
        if (applicationGroupId != null) {
            v.length("applicationGroupId", applicationGroupId, 1, 255);
        }
        v.throwIfInvalid();
        Instant now = now();
        ApplicationRecord app = new ApplicationRecord(Ids.newId(), org.id(), name, "active", applicationGroupId, now, now);
        return db.inTransaction(tx -> {
            if (!applications.insert(tx, app)) {
                throw ApiException.conflict("an application named " + name + " already exists");
            }
            return app;
        });
    }

    /** Applies the given changes (null = unchanged). */
    public ApplicationRecord update(Organization org, String id, String name, String status) {
        Validation v = new Validation();
        if (name != null) {
            checkName(v, name);
        }
        if (status != null && !STATUSES.contains(status)) {
            v.fail("status", "must be one of active, inactive");
        }
        v.throwIfInvalid();
        return db.inTransaction(tx -> {
            ApplicationRecord current = require(tx, org, id);
            if ((name == null || name.equals(current.name())) && (status == null || status.equals(current.status()))) {
                return current;
            }
            ApplicationRecord updated = current.with(name != null ? name : current.name(),
                    status != null ? status : current.status(), now());
            if (!applications.update(tx, updated)) {
                throw ApiException.conflict("an application named " + name + " already exists");
            }
            return updated;
        });
    }

    public ApplicationRecord delete(Organization org, String id) {
        return db.inTransaction(tx -> {
            ApplicationRecord current = require(tx, org, id);
            String reason = deletionGuard.blockingReason(tx, org.id(), id);
            if (reason != null) {
                throw ApiException.conflict(reason);
            }
            applications.delete(tx, org.id(), id);
            return current;
        });
    }

    private static void checkName(Validation v, String name) {
        if (v.length("name", name, 1, 255) && name.isBlank()) {
            v.fail("name", "must not be blank");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
