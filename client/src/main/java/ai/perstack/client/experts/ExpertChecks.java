package ai.perstack.client.experts;

import ai.perstack.client.internal.Check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Client-side rules for expert definitions, mirroring the contract's. */
final class ExpertChecks {
    private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9_.-]*$");
    /** Perstack core's {@code expertNameRegex}. */
    private static final Pattern NAME = Pattern.compile("^(@[a-z0-9][a-z0-9_-]*/)?[a-z0-9][a-z0-9_-]*$");

    private ExpertChecks() {
    }

    static void experts(Check check, List<Expert> experts) {
        if (experts == null || experts.isEmpty()) {
            check.problem("experts", "must contain at least one expert");
            return;
        }
        if (experts.size() > 100) {
            check.problem("experts", "must contain at most 100 experts");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < experts.size(); i++) {
            Expert e = experts.get(i);
            String at = "experts[" + i + "]";
            if (e == null) {
                check.problem(at, "is required");
                continue;
            }
            check.length(at + ".key", e.key(), 1, 255)
                    .matches(at + ".key", e.key(), KEY, "must match ^[a-z0-9][a-z0-9_.-]*$")
                    .length(at + ".name", e.name(), 1, 255)
                    .matches(at + ".name", e.name(), NAME, "must match " + NAME.pattern())
                    .length(at + ".description", e.description().orElse(null), 1, 2048)
                    .length(at + ".instruction", e.instruction(), 1, 20480)
                    .nonBlankItems(at + ".delegates", e.delegates());
            if (!keys.add(e.key())) {
                check.problem(at + ".key", "must be unique within the definition");
            }
        }
    }

    /** A key naming an exact version: {@code @org/name@1.2.3}. */
    static void exactVersionKey(Check check, String key) {
        check.key("key", key);
        if (check.passed()) {
            int at = key.indexOf('@', 1);
            if (at < 0 || !Check.SEMVER.matcher(key.substring(at + 1)).matches()) {
                check.problem("key", "must name an exact version, e.g. @org/name@1.2.3");
            }
        }
    }
}
