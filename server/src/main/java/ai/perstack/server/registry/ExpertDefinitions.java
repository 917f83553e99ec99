package ai.perstack.server.registry;

import ai.perstack.server.domain.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the experts of a definition as Perstack core defines an expert and returns them in
 * canonical form (core's defaults written out: {@code skills} absent → {@code @perstack/base},
 * {@code delegates} and {@code tags} absent → {@code []}). The first expert is the coordinator;
 * delegates name members by key or published experts by full key.
 */
public final class ExpertDefinitions {
    /**
     * Member keys: core's expert key without a scope or a version suffix,
     * {@code ^[a-z0-9][a-z0-9_.-]*$}, 1..255.
     */
    public static final Pattern MEMBER_KEY = Pattern.compile("^[a-z0-9][a-z0-9_.-]*$");
    /** Core's {@code expertKeyRegex}: {@code name}, {@code @org/name}, either with {@code @version} or {@code @tag}. */
    public static final Pattern CORE_KEY = Pattern.compile(
            "^((?:@[a-z0-9][a-z0-9_.-]*/)?[a-z0-9][a-z0-9_.-]*)(?:@((?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)"
                    + "(?:-[\\w.-]+)?(?:\\+[\\w.-]+)?)|@([a-z0-9][a-z0-9_.-]*))?$");
    /** Core's {@code expertNameRegex} (no dots, unlike the key). */
    public static final Pattern CORE_NAME = Pattern.compile("^(@[a-z0-9][a-z0-9_-]*/)?[a-z0-9][a-z0-9_-]*$");
    /** Core's {@code expertVersionRegex}. */
    public static final Pattern CORE_VERSION = Pattern.compile(
            "^(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)\\.(?:0|[1-9]\\d*)(?:-[\\w.-]+)?(?:\\+[\\w.-]+)?$");
    /** Core's {@code tagNameRegex}, for an expert's own {@code tags} (not the registry's version tags). */
    public static final Pattern CORE_TAG = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");
    private static final int MAX_EXPERTS = 100;
    private static final int MAX_TAGS = 8;
    private static final Set<String> EXPERT_FIELDS = Set.of("key", "name", "version", "description", "instruction",
            "skills", "delegates", "tags", "providerTools", "providerSkills", "providerToolOptions");

    private ExpertDefinitions() {
    }

    /** Checks {@code experts} (reporting under the field {@code experts}) and returns the canonical array. */
    public static ArrayNode validate(JsonNode experts, Validation v) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        if (experts == null || experts.isNull()) {
            v.fail("experts", "is required");
            return result;
        }
        if (!experts.isArray()) {
            v.fail("experts", "must be an array");
            return result;
        }
        if (experts.isEmpty() || experts.size() > MAX_EXPERTS) {
            v.fail("experts", "must have 1.." + MAX_EXPERTS + " items");
            return result;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < experts.size(); i++) {
            String path = "experts[" + i + "]";
            ObjectNode expert = expert(experts.get(i), path, v);
            if (expert != null) {
                String key = expert.path("key").asText(null);
                if (key != null && !keys.add(key)) {
                    v.fail(path + ".key", "must be unique within the definition");
                }
                result.add(expert);
            }
        }
        return result;
    }

    private static ObjectNode expert(JsonNode node, String path, Validation v) {
        if (!node.isObject()) {
            v.fail(path, "must be an object");
            return null;
        }
        Fields.unknown(node, EXPERT_FIELDS, path, v);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String key = Fields.requiredText(node, "key", 1, 255, path, v);
        if (key != null && v.matches(path + ".key", key, MEMBER_KEY, 255)) {
            out.put("key", key);
        }
        String name = Fields.requiredText(node, "name", 1, 255, path, v);
        if (name != null && v.matches(path + ".name", name, CORE_NAME, 255)) {
            out.put("name", name);
        }
        if (node.has("version")) {
            String version = Fields.requiredText(node, "version", 1, 255, path, v);
            if (version != null && v.matches(path + ".version", version, CORE_VERSION, 255)) {
                out.put("version", version);
            }
        }
        Fields.optionalText(node, "description", 1, 2048, path, v, out);
        String instruction = Fields.requiredText(node, "instruction", 1, 20480, path, v);
        if (instruction != null) {
            out.put("instruction", instruction);
        }
        out.set("skills", SkillDefinitions.validate(node.get("skills"), path + ".skills", v));
        out.set("delegates", delegates(node.get("delegates"), key, path + ".delegates", v));
        ArrayNode tags = Fields.strings(node, "tags", 1, 255, CORE_TAG, path, v);
        if (tags.size() > MAX_TAGS) {
            v.fail(path + ".tags", "must have at most " + MAX_TAGS + " items");
        }
        out.set("tags", tags);
        if (node.has("providerTools")) {
            out.set("providerTools", Fields.strings(node, "providerTools", 1, 255, null, path, v));
        }
        ProviderExtras.validate(node, path, v, out);
        return out;
    }

    private static ArrayNode delegates(JsonNode node, String ownKey, String path, Validation v) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            v.fail(path, "must be an array of expert keys");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            String itemPath = path + "[" + i + "]";
            if (!d.isTextual()) {
                v.fail(itemPath, "must be a string");
            } else if (!CORE_KEY.matcher(d.asText()).matches()
                    || (!isMemberKey(d.asText()) && ExpertKey.parse(d.asText()) == null)) {
                v.fail(itemPath, "must be a member key or a full expert key (@org/name[@version|@tag])");
            } else if (d.asText().equals(ownKey)) {
                v.fail(itemPath, "an expert cannot delegate to itself");
            } else {
                out.add(d.asText());
            }
        }
        return out;
    }

    /** Whether a delegate names a member of the same definition (not a full key). */
    public static boolean isMemberKey(String delegate) {
        return delegate.length() <= 255 && MEMBER_KEY.matcher(delegate).matches();
    }
}
