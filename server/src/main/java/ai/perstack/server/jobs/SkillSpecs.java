package ai.perstack.server.jobs;

import ai.perstack.server.skills.HttpSkillSpec;
import ai.perstack.server.skills.SkillSpec;
import ai.perstack.server.skills.StdioSkillSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The skills an expert's stored definition names that run tools, as the skills room's specs.
 * Core's spellings ({@code mcpStdioSkill}, {@code mcpSseSkill}) and the registry's earlier ones
 * ({@code mcpStdio}, {@code mcpSse}) are both read; interactive skills are the loop's own.
 */
final class SkillSpecs {
    private SkillSpecs() {
    }

    /** @throws IllegalArgumentException naming the skill and the field that is wrong */
    static List<SkillSpec> of(JsonNode expert) {
        List<SkillSpec> specs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expert.path("skills").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode s = e.getValue();
            String type = s.path("type").asText();
            try {
                switch (type) {
                    case "mcpStdioSkill", "mcpStdio" -> specs.add(new StdioSkillSpec(e.getKey(), text(s, "description"),
                            text(s, "rule"), text(s, "command"), text(s, "packageName"), strings(s, "args"),
                            strings(s, "pick"), strings(s, "omit"), strings(s, "requiredEnv"),
                            s.path("lazyInit").asBoolean(false)));
                    case "mcpSseSkill", "mcpSse" -> specs.add(new HttpSkillSpec(e.getKey(), text(s, "description"),
                            text(s, "rule"), text(s, "endpoint"), strings(s, "pick"), strings(s, "omit")));
                    default -> {
                        // interactive skills and types this runtime does not run
                    }
                }
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(bad.getMessage(), bad);
            }
        }
        return specs;
    }

    /**
     * The skills of {@code experts} the operator's policy refuses (or that are malformed), as
     * field path ({@code experts.<key>.skills.<name>}) to rule; empty when all may start.
     */
    static Map<String, String> refusals(JsonNode experts, ai.perstack.server.skills.StdioPolicy policy) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode expert : experts) {
            String path = "experts." + expert.path("key").asText() + ".skills";
            try {
                for (SkillSpec spec : of(expert)) {
                    if (spec instanceof StdioSkillSpec stdio && !stdio.isBuiltinBase()) {
                        String rule = policy.refusal(stdio);
                        if (rule != null) {
                            out.put(path + "." + spec.name(), rule);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                out.put(path, e.getMessage());
            }
        }
        return out;
    }

    private static String text(JsonNode s, String field) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode s, String field) {
        List<String> out = new ArrayList<>();
        s.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }
}
