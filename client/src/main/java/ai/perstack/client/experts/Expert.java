package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One member of an expert definition, as Perstack core defines an expert. The first member of a
 * definition is its coordinator; {@code delegates} name other members by key, or published
 * experts by full key. As in core, an expert whose {@code skills} is absent gets the one skill
 * {@link Skill#BASE} ({@link Skill#base()}); an empty map stays empty.
 *
 * @param key                 {@code ^[a-z0-9][a-z0-9_.-]*$}, unique within the definition
 * @param name                core's expert name, {@code ^(@[a-z0-9][a-z0-9_-]*\/)?[a-z0-9][a-z0-9_-]*$}
 * @param version             the expert's own semver, when given
 * @param description         what it does (1..2048 characters)
 * @param instruction         its system instruction (1..20480 characters)
 * @param skills              skills by name, in definition order
 * @param delegates           keys of the experts it may delegate to
 * @param tags                its tags ({@code ^[a-z0-9][a-z0-9_-]*$}, at most 8)
 * @param providerTools       provider tools it asks for (e.g. {@code webSearch})
 * @param providerSkills      provider-side skills
 * @param providerToolOptions options of provider tools ({@code webSearch}, {@code webFetch}, {@code fileSearch})
 * @param json                the object as received ({@code null} when built in code)
 */
public record Expert(String key, String name, Optional<String> version, Optional<String> description, String instruction,
                     Map<String, Skill> skills, List<String> delegates, List<String> tags,
                     Optional<List<String>> providerTools, Optional<List<ProviderSkill>> providerSkills,
                     Optional<JsonNode> providerToolOptions, JsonNode json) {

    /**
     * Checks required fields and normalizes absent ones.
     *
     * @param key {@code ^[a-z0-9][a-z0-9_.-]*$}, unique within the definition
     * @param name core's expert name
     * @param version the expert's own semver, when given
     * @param description what it does (1..2048 characters)
     * @param instruction its system instruction (1..20480 characters)
     * @param skills skills by name ({@code null}: core's default, the base skill)
     * @param delegates keys of the experts it may delegate to
     * @param tags its tags
     * @param providerTools provider tools it asks for
     * @param providerSkills provider-side skills
     * @param providerToolOptions options of provider tools
     * @param json the object as received ({@code null} when built in code)
     */
    public Expert {
        if (key == null) {
            throw new IllegalArgumentException("key is required");
        }
        if (name == null) {
            throw new IllegalArgumentException("name is required");
        }
        if (instruction == null) {
            throw new IllegalArgumentException("instruction is required");
        }
        version = version == null ? Optional.empty() : version;
        description = description == null ? Optional.empty() : description;
        skills = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skills == null ? Map.of(Skill.BASE, Skill.base()) : skills));
        delegates = delegates == null ? List.of() : List.copyOf(delegates);
        tags = tags == null ? List.of() : List.copyOf(tags);
        providerTools = providerTools == null ? Optional.empty() : providerTools.map(List::copyOf);
        providerSkills = providerSkills == null ? Optional.empty() : providerSkills.map(List::copyOf);
        providerToolOptions = providerToolOptions == null ? Optional.empty() : providerToolOptions;
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an expert from its JSON object (as in a definition file).
     *
     * @param json the object as received ({@code null} when built in code)
     * @throws IllegalArgumentException naming the field when the object is not a valid expert
     * @return the expert
     */
    public static Expert fromJson(JsonNode json) {
        try {
            return read(JsonIn.of(json, "expert"));
        } catch (ai.perstack.client.internal.InvalidResponseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads an expert object.
     *
     * @param in the JSON object to read
     * @return the {@code Expert} read from {@code in}
     */
    static Expert read(JsonIn in) {
        JsonNode node = in.node();
        Map<String, Skill> skills = node.has("skills") ? in.map("skills", Skill::read) : null;
        Optional<List<String>> providerTools = node.hasNonNull("providerTools")
                ? Optional.of(in.strings("providerTools")) : Optional.empty();
        Optional<List<ProviderSkill>> providerSkills = node.hasNonNull("providerSkills")
                ? Optional.of(in.list("providerSkills", ProviderSkill::read)) : Optional.empty();
        Optional<JsonNode> options = node.hasNonNull("providerToolOptions")
                ? Optional.of(in.object("providerToolOptions").node()) : Optional.empty();
        return new Expert(in.string("key"), in.string("name"), in.optString("version"), in.optString("description"),
                in.string("instruction"), skills, in.strings("delegates"), in.strings("tags"), providerTools,
                providerSkills, options, node);
    }

    /** {@return the JSON form: the received object's unknown fields, overlaid with the known ones, in core's shape} */
    public ObjectNode toJson() {
        ObjectNode node = json != null && json.isObject() ? ((ObjectNode) json).deepCopy() : Json.object();
        node.put("key", key).put("name", name);
        version.ifPresent(v -> node.put("version", v));
        description.ifPresent(d -> node.put("description", d));
        node.put("instruction", instruction);
        ObjectNode skillsNode = node.putObject("skills");
        skills.forEach((n, s) -> skillsNode.set(n, s.toJson(n)));
        node.set("delegates", Json.strings(delegates));
        node.set("tags", Json.strings(tags));
        providerTools.ifPresent(t -> node.set("providerTools", Json.strings(t)));
        providerSkills.ifPresent(list -> {
            var array = node.putArray("providerSkills");
            list.forEach(ps -> array.add(ps.toJson()));
        });
        providerToolOptions.ifPresent(o -> node.set("providerToolOptions", o.deepCopy()));
        return node;
    }

    /** Builds {@link Expert}. */
    public static final class Builder {
        private String key;
        private String name;
        private String description;
        private String instruction;
        private String version;
        private Map<String, Skill> skills;
        private final List<String> delegates = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private List<String> providerTools;
        private List<ProviderSkill> providerSkills;
        private JsonNode providerToolOptions;

        private Builder() {
        }

        /**
         * The key (required).
         *
         * @param key {@code ^[a-z0-9][a-z0-9_.-]*$}, unique within the definition
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * The name (required): core's expert name, lower case, e.g. {@code reviewer}.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * What it does.
         *
         * @param description what it does (up to 2048 characters)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * The instruction (required).
         *
         * @param instruction its system instruction (1..20480 characters)
         * @return this builder
         */
        public Builder instruction(String instruction) {
            this.instruction = instruction;
            return this;
        }

        /**
         * Adds a skill.
         *
         * @param name the skill's name
         * @param skill the skill
         * @return this builder
         */
        public Builder skill(String name, Skill skill) {
            if (skills == null) {
                skills = new LinkedHashMap<>();
            }
            this.skills.put(name, skill);
            return this;
        }

        /**
         * Gives the expert no skills at all (not even {@link Skill#BASE}, which it gets when no skill is added).
         *
         * @return this builder
         */
        public Builder noSkills() {
            this.skills = new LinkedHashMap<>();
            return this;
        }

        /**
         * The expert's own version.
         *
         * @param version a semver such as {@code 1.0.0}
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * Adds a tag.
         *
         * @param tag {@code ^[a-z0-9][a-z0-9_-]*$}
         * @return this builder
         */
        public Builder tag(String tag) {
            this.tags.add(tag);
            return this;
        }

        /**
         * The provider tools it asks for.
         *
         * @param names e.g. {@code webSearch}
         * @return this builder
         */
        public Builder providerTools(List<String> names) {
            this.providerTools = List.copyOf(names);
            return this;
        }

        /**
         * The provider-side skills.
         *
         * @param list builtin or custom provider skills
         * @return this builder
         */
        public Builder providerSkills(List<ProviderSkill> list) {
            this.providerSkills = List.copyOf(list);
            return this;
        }

        /**
         * Options of provider tools, as core's object ({@code webSearch}, {@code webFetch}, {@code fileSearch}).
         *
         * @param options the options object
         * @return this builder
         */
        public Builder providerToolOptions(JsonNode options) {
            this.providerToolOptions = options;
            return this;
        }

        /**
         * Adds a delegate key.
         *
         * @param key the key of an expert it may delegate to
         * @return this builder
         */
        public Builder delegate(String key) {
            this.delegates.add(key);
            return this;
        }

        /**
         * Replaces the delegates.
         *
         * @param keys the keys of the experts it may delegate to
         * @return this builder
         */
        public Builder delegates(List<String> keys) {
            this.delegates.clear();
            this.delegates.addAll(keys);
            return this;
        }

        /** {@return the expert; throws {@link IllegalArgumentException} when key, name or instruction is missing} */
        public Expert build() {
            return new Expert(key, name, Optional.ofNullable(version), Optional.ofNullable(description), instruction, skills,
                    delegates, tags, Optional.ofNullable(providerTools), Optional.ofNullable(providerSkills),
                    Optional.ofNullable(providerToolOptions), null);
        }
    }
}
