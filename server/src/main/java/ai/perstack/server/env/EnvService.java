package ai.perstack.server.env;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.security.SecretCipher;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.EnvEntryRecord;
import ai.perstack.server.store.EnvRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Secrets and variables of an organization. Both share one namespace; secret values are
 * sealed with AES-256-GCM before they reach the store and are only opened for the runtime
 * ({@link #environment}).
 */
public final class EnvService {

    /** Which of the two kinds of entry. */
    public enum Kind {
        SECRET("secret"), VARIABLE("variable");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        /** The stored and displayed name of the kind. */
        public String value() {
            return value;
        }
    }

    /** Entry names: {@code ^[A-Za-z_][A-Za-z0-9_]*$}, 1..255. */
    public static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    /** Largest value, in UTF-8 bytes. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    private final Database db;
    private final EnvRepository entries;
    private final SecretCipher cipher;
    private final Clock clock;

    public EnvService(Database db, EnvRepository entries, SecretCipher cipher, Clock clock) {
        this.db = db;
        this.entries = entries;
        this.cipher = cipher;
        this.clock = clock;
    }

    public List<EnvEntry> list(Organization org, Kind kind) {
        return db.inTransaction(tx -> entries.list(tx, org.id(), kind.value()).stream().map(this::view).toList());
    }

    public EnvEntry get(Organization org, Kind kind, String name) {
        checkPathName(name);
        return db.inTransaction(tx -> view(require(tx, org, kind, name)));
    }

    public EnvEntry create(Organization org, Kind kind, String name, String value) {
        Validation v = new Validation();
        v.matches("name", name, NAME, 255);
        checkValue(v, value);
        v.throwIfInvalid();
        Instant now = now();
        EnvEntryRecord entry = new EnvEntryRecord(org.id(), name, kind.value(),
                kind == Kind.VARIABLE ? value : null, kind == Kind.SECRET ? cipher.seal(value, context(org, name)) : null,
                now, now);
        return db.inTransaction(tx -> {
            if (!entries.insert(tx, entry)) {
                String takenBy = entries.find(tx, org.id(), name).map(EnvEntryRecord::kind).orElse("entry");
                throw ApiException.conflict("the name " + name + " is already used by a " + takenBy);
            }
            return view(entry);
        });
    }

    public EnvEntry update(Organization org, Kind kind, String name, String value) {
        checkPathName(name);
        Validation v = new Validation();
        checkValue(v, value);
        v.throwIfInvalid();
        return db.inTransaction(tx -> {
            EnvEntryRecord current = require(tx, org, kind, name);
            Instant now = now();
            byte[] sealed = kind == Kind.SECRET ? cipher.seal(value, context(org, name)) : null;
            String plain = kind == Kind.VARIABLE ? value : null;
            entries.updateValue(tx, org.id(), name, plain, sealed, now);
            return view(new EnvEntryRecord(org.id(), name, current.kind(), plain, sealed, current.createdAt(), now));
        });
    }

    public EnvEntry delete(Organization org, Kind kind, String name) {
        checkPathName(name);
        return db.inTransaction(tx -> {
            EnvEntryRecord current = require(tx, org, kind, name);
            entries.delete(tx, org.id(), name);
            return view(current);
        });
    }

    /**
     * The organization's environment as a job sees it: every variable and every decrypted
     * secret. For the runtime only; never rendered in a response.
     */
    public Map<String, String> environment(Organization org) {
        return db.inTransaction(tx -> {
            Map<String, String> env = new LinkedHashMap<>();
            for (EnvEntryRecord e : entries.list(tx, org.id(), Kind.VARIABLE.value())) {
                env.put(e.name(), e.plainValue());
            }
            for (EnvEntryRecord e : entries.list(tx, org.id(), Kind.SECRET.value())) {
                env.put(e.name(), cipher.open(e.sealedValue(), context(org, e.name())));
            }
            return env;
        });
    }

    private EnvEntryRecord require(ai.perstack.server.store.Tx tx, Organization org, Kind kind, String name)
            throws java.sql.SQLException {
        return entries.find(tx, org.id(), name).filter(e -> e.kind().equals(kind.value()))
                .orElseThrow(() -> ApiException.notFound(kind.value() + " " + name + " not found"));
    }

    private static void checkPathName(String name) {
        Validation v = new Validation();
        v.matches("name", name, NAME, 255);
        v.throwIfInvalid();
    }

    private static void checkValue(Validation v, String value) {
        if (value == null) {
            v.fail("value", "is required");
        } else {
            v.maxBytes("value", value, MAX_VALUE_BYTES);
        }
    }

    private EnvEntry view(EnvEntryRecord e) {
        return new EnvEntry(e.name(), e.plainValue(), e.createdAt(), e.updatedAt());
    }

    private static String context(Organization org, String name) {
        return org.id() + "/" + name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
