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
 * One member of an expert definition. The first member of a definition is its coordinator;
 * {@code delegates} name other members by key, or published experts by full key.
 *
 * @param key         {@code ^[a-z0-9][a-z0-9_-]*$}, unique within the definition
 * @param name        display name
 * @param description what it does (up to 2048 characters)
 * @param instruction its system instruction (1..20480 characters)
 * @param skills      skills by name
 * @param delegates   keys of the experts it may delegate to
 * @param json        the object as received ({@code null} when built in code)
 */
public record Expert(String key, String name, Optional<String> description, String instruction,
                     Map<String, Skill> skills, List<String> delegates, JsonNode json) {

    /**
     * Checks required fields.
     *
     * @param key {@code ^[a-z0-9][a-z0-9_-]*$}, unique within the definition
     * @param name display name
     * @param description what it does (up to 2048 characters)
     * @param instruction its system instruction (1..20480 characters)
     * @param skills skills by name
     * @param delegates keys of the experts it may delegate to
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
        description = description == null ? Optional.empty() : description;
        skills = skills == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skills));
        delegates = delegates == null ? List.of() : List.copyOf(delegates);
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
        return new Expert(in.string("key"), in.string("name"), in.optString("description"), in.string("instruction"),
                in.map("skills", Skill::read), in.strings("delegates"), in.node());
    }

    /** {@return the JSON form: the received object's unknown fields, overlaid with the known ones} */
    public ObjectNode toJson() {
        ObjectNode node = json != null && json.isObject() ? ((ObjectNode) json).deepCopy() : Json.object();
        node.put("key", key).put("name", name);
        description.ifPresent(d -> node.put("description", d));
        node.put("instruction", instruction);
        ObjectNode skillsNode = node.putObject("skills");
        skills.forEach((n, s) -> skillsNode.set(n, s.toJson()));
        node.set("delegates", Json.strings(delegates));
        return node;
    }

    /** Builds {@link Expert}. */
    public static final class Builder {
        private String key;
        private String name;
        private String description;
        private String instruction;
        private final Map<String, Skill> skills = new LinkedHashMap<>();
        private final List<String> delegates = new ArrayList<>();

        private Builder() {
        }

        /**
         * The key (required).
         *
         * @param key {@code ^[a-z0-9][a-z0-9_-]*$}, unique within the definition
         * @return this builder
         */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /**
         * The display name (required).
         *
         * @param name display name
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
            this.skills.put(name, skill);
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
            return new Expert(key, name, Optional.ofNullable(description), instruction, skills, delegates, null);
        }
    }
}
