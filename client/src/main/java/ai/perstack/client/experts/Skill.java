package ai.perstack.client.experts;

import ai.perstack.client.internal.Json;
import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A skill of an expert, Perstack core's union on {@code type}: {@link McpStdio}
 * ({@code mcpStdioSkill}), {@link McpSse} ({@code mcpSseSkill}), {@link Interactive}
 * ({@code interactiveSkill}: tools whose calls the caller answers through
 * {@code jobs.continueJob}), or {@link Unknown} for a type this client does not know (kept as
 * received). A skill's {@code name} is its key in the expert's {@code skills} map.
 */
public sealed interface Skill permits Skill.McpStdio, Skill.McpSse, Skill.Interactive, Skill.Unknown {
    /** The key of Perstack's base skill, the only skill of an expert whose {@code skills} is absent. */
    String BASE = "@perstack/base";

    /** {@return the {@code type} discriminator} */
    String type();

    /** {@return what the skill is for (not sent to the model)} */
    Optional<String> description();

    /** {@return text put into the system prompt about this skill} */
    Optional<String> rule();

    /**
     * The JSON form, with {@code name} set to the skill's map key as core writes it.
     *
     * @param name the skill's key in the expert's {@code skills}
     * @return the skill object
     */
    ObjectNode toJson(String name);

    /** {@return true for {@code interactiveSkill}} */
    default boolean isInteractive() {
        return this instanceof Interactive;
    }

    /** {@return the tools of an interactive skill by name; empty for other types} */
    default Map<String, SkillTool> tools() {
        return this instanceof Interactive i ? i.tools : Map.of();
    }

    /** {@return core's default skill: {@code npx -y @perstack/base}, described "Base skill"} */
    static McpStdio base() {
        return new McpStdio(Optional.of("Base skill"), Optional.empty(), "npx", Optional.empty(), List.of("-y", BASE),
                List.of(), List.of(), List.of(), false, Optional.empty());
    }

    /**
     * An interactive skill with {@code tools}.
     *
     * @param description what the skill is for, or null
     * @param tools the tools by name, in the order given
     * @return the skill
     */
    static Interactive interactive(String description, Map<String, SkillTool> tools) {
        return new Interactive(Optional.ofNullable(description), Optional.empty(), new LinkedHashMap<>(tools));
    }

    /**
     * A stdio MCP skill running {@code command packageName} (e.g. {@code npx @org/mcp-server}).
     *
     * @param command the executable
     * @param packageName the package it runs
     * @return the skill
     */
    static McpStdio mcpStdio(String command, String packageName) {
        return new McpStdio(Optional.empty(), Optional.empty(), command, Optional.of(packageName), List.of(), List.of(),
                List.of(), List.of(), false, Optional.empty());
    }

    /**
     * An SSE MCP skill at {@code endpoint} (a public https URL).
     *
     * @param endpoint the server's URL
     * @return the skill
     */
    static McpSse mcpSse(String endpoint) {
        return new McpSse(Optional.empty(), Optional.empty(), endpoint, List.of(), List.of(), Optional.empty());
    }

    /**
     * Any skill from its JSON object; must have a {@code type}.
     *
     * @param json the skill object
     * @return the skill
     */
    static Skill of(JsonNode json) {
        return read(JsonIn.of(json, "skill"));
    }

    /**
     * Reads a skill object.
     *
     * @param in the JSON object to read
     * @return the {@code Skill} read from {@code in}
     */
    static Skill read(JsonIn in) {
        String type = in.string("type");
        Optional<String> description = in.optString("description");
        Optional<String> rule = in.optString("rule");
        return switch (type) {
            case McpStdio.TYPE -> new McpStdio(description, rule, in.string("command"), in.optString("packageName"),
                    in.strings("args"), in.strings("pick"), in.strings("omit"), in.strings("requiredEnv"),
                    in.bool("lazyInit", false), optStrings(in, "allowedDomains"));
            case McpSse.TYPE -> new McpSse(description, rule, in.string("endpoint"), in.strings("pick"), in.strings("omit"),
                    optStrings(in, "allowedDomains"));
            case Interactive.TYPE -> new Interactive(description, rule, in.map("tools", SkillTool::read));
            default -> new Unknown(type, in.node());
        };
    }

    private static Optional<List<String>> optStrings(JsonIn in, String field) {
        return in.node().hasNonNull(field) ? Optional.of(in.strings(field)) : Optional.empty();
    }

    private static ObjectNode head(String type, String name, Optional<String> description, Optional<String> rule) {
        ObjectNode node = Json.object().put("type", type).put("name", name);
        description.ifPresent(d -> node.put("description", d));
        rule.ifPresent(r -> node.put("rule", r));
        return node;
    }

    /**
     * {@code mcpStdioSkill}: an MCP server started as a process. Exactly one of {@code packageName}
     * and a non-empty {@code args} is set.
     *
     * @param description    what it is for
     * @param rule           system-prompt text about it
     * @param command        the executable ({@code npx}, {@code uvx}, ...)
     * @param packageName    the package to run, when {@code args} is empty
     * @param args           the full argv, when given
     * @param pick           keep only these tools (when non-empty)
     * @param omit           drop these tools
     * @param requiredEnv    environment variables the process needs
     * @param lazyInit       start without waiting for the server during setup
     * @param allowedDomains domains the process may reach (docker runtime)
     */
    record McpStdio(Optional<String> description, Optional<String> rule, String command, Optional<String> packageName,
                    List<String> args, List<String> pick, List<String> omit, List<String> requiredEnv, boolean lazyInit,
                    Optional<List<String>> allowedDomains) implements Skill {
        static final String TYPE = "mcpStdioSkill";

        /**
         * Normalizes absent values and copies the lists.
         *
         * @param description see the record
         * @param rule see the record
         * @param command see the record
         * @param packageName see the record
         * @param args see the record
         * @param pick see the record
         * @param omit see the record
         * @param requiredEnv see the record
         * @param lazyInit see the record
         * @param allowedDomains see the record
         */
        public McpStdio {
            if (command == null) {
                throw new IllegalArgumentException("command is required");
            }
            description = description == null ? Optional.empty() : description;
            rule = rule == null ? Optional.empty() : rule;
            packageName = packageName == null ? Optional.empty() : packageName;
            args = args == null ? List.of() : List.copyOf(args);
            pick = pick == null ? List.of() : List.copyOf(pick);
            omit = omit == null ? List.of() : List.copyOf(omit);
            requiredEnv = requiredEnv == null ? List.of() : List.copyOf(requiredEnv);
            allowedDomains = allowedDomains == null ? Optional.empty() : allowedDomains.map(List::copyOf);
        }

        @Override
        public String type() {
            return TYPE;
        }

        /**
         * A copy with a description.
         *
         * @param text what it is for
         * @return the copy
         */
        public McpStdio withDescription(String text) {
            return new McpStdio(Optional.of(text), rule, command, packageName, args, pick, omit, requiredEnv, lazyInit, allowedDomains);
        }

        /**
         * A copy with these tools kept and those dropped.
         *
         * @param pickTools keep only these (empty: all)
         * @param omitTools drop these
         * @return the copy
         */
        public McpStdio withTools(List<String> pickTools, List<String> omitTools) {
            return new McpStdio(description, rule, command, packageName, args, pickTools, omitTools, requiredEnv, lazyInit, allowedDomains);
        }

        /**
         * A copy that needs these environment variables.
         *
         * @param names the variables
         * @return the copy
         */
        public McpStdio withRequiredEnv(List<String> names) {
            return new McpStdio(description, rule, command, packageName, args, pick, omit, names, lazyInit, allowedDomains);
        }

        @Override
        public ObjectNode toJson(String name) {
            ObjectNode node = head(TYPE, name, description, rule).put("command", command);
            packageName.ifPresent(p -> node.put("packageName", p));
            node.set("args", Json.strings(args));
            node.set("pick", Json.strings(pick));
            node.set("omit", Json.strings(omit));
            node.set("requiredEnv", Json.strings(requiredEnv));
            node.put("lazyInit", lazyInit);
            allowedDomains.ifPresent(d -> node.set("allowedDomains", Json.strings(d)));
            return node;
        }
    }

    /**
     * {@code mcpSseSkill}: an MCP server reached over SSE at a public https URL.
     *
     * @param description    what it is for
     * @param rule           system-prompt text about it
     * @param endpoint       the server's URL
     * @param pick           keep only these tools (when non-empty)
     * @param omit           drop these tools
     * @param allowedDomains domains it may reach (docker runtime)
     */
    record McpSse(Optional<String> description, Optional<String> rule, String endpoint, List<String> pick, List<String> omit,
                  Optional<List<String>> allowedDomains) implements Skill {
        static final String TYPE = "mcpSseSkill";

        /**
         * Normalizes absent values and copies the lists.
         *
         * @param description see the record
         * @param rule see the record
         * @param endpoint see the record
         * @param pick see the record
         * @param omit see the record
         * @param allowedDomains see the record
         */
        public McpSse {
            if (endpoint == null) {
                throw new IllegalArgumentException("endpoint is required");
            }
            description = description == null ? Optional.empty() : description;
            rule = rule == null ? Optional.empty() : rule;
            pick = pick == null ? List.of() : List.copyOf(pick);
            omit = omit == null ? List.of() : List.copyOf(omit);
            allowedDomains = allowedDomains == null ? Optional.empty() : allowedDomains.map(List::copyOf);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public ObjectNode toJson(String name) {
            ObjectNode node = head(TYPE, name, description, rule).put("endpoint", endpoint);
            node.set("pick", Json.strings(pick));
            node.set("omit", Json.strings(omit));
            allowedDomains.ifPresent(d -> node.set("allowedDomains", Json.strings(d)));
            return node;
        }
    }

    /**
     * {@code interactiveSkill}: tools the runtime does not run; calling one stops the job until it
     * is continued with the answer.
     *
     * @param description what it is for
     * @param rule        system-prompt text about it
     * @param tools       the tools by name, in definition order
     */
    record Interactive(Optional<String> description, Optional<String> rule, Map<String, SkillTool> tools) implements Skill {
        static final String TYPE = "interactiveSkill";

        /**
         * Normalizes absent values and keeps the tools' order.
         *
         * @param description see the record
         * @param rule see the record
         * @param tools see the record
         */
        public Interactive {
            description = description == null ? Optional.empty() : description;
            rule = rule == null ? Optional.empty() : rule;
            tools = tools == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tools));
        }

        @Override
        public String type() {
            return TYPE;
        }

        /**
         * A copy with a rule.
         *
         * @param text system-prompt text about the skill
         * @return the copy
         */
        public Interactive withRule(String text) {
            return new Interactive(description, Optional.of(text), tools);
        }

        @Override
        public ObjectNode toJson(String name) {
            ObjectNode node = head(TYPE, name, description, rule);
            ObjectNode toolsNode = node.putObject("tools");
            tools.forEach((toolName, tool) -> toolsNode.set(toolName, tool.toJson(toolName)));
            return node;
        }
    }

    /**
     * A skill of a type this client does not know, kept as received.
     *
     * @param type the {@code type} discriminator
     * @param json the whole skill object
     */
    record Unknown(String type, JsonNode json) implements Skill {
        @Override
        public Optional<String> description() {
            return json.path("description").isTextual() ? Optional.of(json.get("description").asText()) : Optional.empty();
        }

        @Override
        public Optional<String> rule() {
            return json.path("rule").isTextual() ? Optional.of(json.get("rule").asText()) : Optional.empty();
        }

        @Override
        public ObjectNode toJson(String name) {
            return json.isObject() ? ((ObjectNode) json).deepCopy() : Json.object().put("type", type);
        }
    }
}
