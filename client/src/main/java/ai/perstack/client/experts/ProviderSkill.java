package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A provider-side skill of an expert ({@code providerSkills}), Perstack core's union on
 * {@code type}: {@link Builtin} ({@code pdf}, {@code docx}, {@code pptx}, {@code xlsx}) or
 * {@link Custom}. Stored and returned; no runtime passes it to a model yet.
 */
public sealed interface ProviderSkill permits ProviderSkill.Builtin, ProviderSkill.Custom, ProviderSkill.Unknown {
    /** {@return the JSON form} */
    ObjectNode toJson();

    /**
     * A builtin provider skill.
     *
     * @param skillId {@code pdf}, {@code docx}, {@code pptx} or {@code xlsx}
     * @return the skill
     */
    static Builtin builtin(String skillId) {
        return new Builtin(skillId);
    }

    /**
     * A custom provider skill.
     *
     * @param name its name (at least one character)
     * @param definition its definition (at least one character)
     * @return the skill
     */
    static Custom custom(String name, String definition) {
        return new Custom(name, definition);
    }

    /**
     * Reads a provider skill object.
     *
     * @param in the JSON object to read
     * @return the skill
     */
    static ProviderSkill read(JsonIn in) {
        return switch (in.string("type")) {
            case "builtin" -> new Builtin(in.string("skillId"));
            case "custom" -> new Custom(in.string("name"), in.string("definition"));
            default -> new Unknown(in.node());
        };
    }

    /**
     * {@code {type: "builtin", skillId}}.
     *
     * @param skillId {@code pdf}, {@code docx}, {@code pptx} or {@code xlsx}
     */
    record Builtin(String skillId) implements ProviderSkill {
        /**
         * Checks the id is present.
         *
         * @param skillId {@code pdf}, {@code docx}, {@code pptx} or {@code xlsx}
         */
        public Builtin {
            if (skillId == null) {
                throw new IllegalArgumentException("skillId is required");
            }
        }

        @Override
        public ObjectNode toJson() {
            return Json.object().put("type", "builtin").put("skillId", skillId);
        }
    }

    /**
     * {@code {type: "custom", name, definition}}.
     *
     * @param name its name
     * @param definition its definition
     */
    record Custom(String name, String definition) implements ProviderSkill {
        /**
         * Checks both are present.
         *
         * @param name its name
         * @param definition its definition
         */
        public Custom {
            if (name == null || definition == null) {
                throw new IllegalArgumentException("name and definition are required");
            }
        }

        @Override
        public ObjectNode toJson() {
            return Json.object().put("type", "custom").put("name", name).put("definition", definition);
        }
    }

    /**
     * A provider skill of a type this client does not know, kept as received.
     *
     * @param json the object
     */
    record Unknown(JsonNode json) implements ProviderSkill {
        @Override
        public ObjectNode toJson() {
            return ((ObjectNode) json).deepCopy();
        }
    }
}
