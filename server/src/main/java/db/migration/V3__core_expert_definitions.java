package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Rewrites stored expert definitions (drafts and versions) from the first release's shapes into
 * Perstack core's: skill types {@code interactive}/{@code mcpStdio}/{@code mcpSse} become
 * {@code interactiveSkill}/{@code mcpStdioSkill}/{@code mcpSseSkill} with their {@code name} and
 * defaults written out, an interactive tool's {@code inputJsonSchema} object becomes its JSON
 * string, a display name that is not a core expert name becomes one (lower case, other characters
 * as {@code -}), an empty description is dropped and {@code tags} is added. Fields core does not
 * define for a skill type (e.g. {@code lazyInit} on SSE) are dropped. Self-contained on purpose:
 * a migration must keep doing what it did when later code changes.
 */
public class V3__core_expert_definitions extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CORE_NAME = Pattern.compile("^(@[a-z0-9][a-z0-9_-]*/)?[a-z0-9][a-z0-9_-]*$");
    private static final List<String> STDIO_LISTS = List.of("args", "pick", "omit", "requiredEnv");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        rewrite(c, "SELECT id, experts_json FROM expert_drafts", "UPDATE expert_drafts SET experts_json = ? WHERE id = ?", 1);
        rewrite(c, "SELECT scope_id, version, experts_json FROM expert_versions",
                "UPDATE expert_versions SET experts_json = ? WHERE scope_id = ? AND version = ?", 2);
    }

    private static void rewrite(Connection c, String select, String update, int keyColumns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(select); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String[] row = new String[keyColumns + 1];
                for (int i = 0; i <= keyColumns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        try (PreparedStatement u = c.prepareStatement(update)) {
            for (String[] row : rows) {
                u.setString(1, convert(row[keyColumns]));
                for (int i = 0; i < keyColumns; i++) {
                    u.setString(i + 2, row[i]);
                }
                u.addBatch();
            }
            if (!rows.isEmpty()) {
                u.executeBatch();
            }
        }
    }

    /** One stored {@code experts} array, first-release shape → core shape. */
    static String convert(String expertsJson) throws SQLException {
        try {
            JsonNode experts = JSON.readTree(expertsJson);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode expert : experts) {
                out.add(expert(expert));
            }
            return JSON.writeValueAsString(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("a stored expert definition is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode expert(JsonNode in) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String key = in.path("key").asText();
        out.put("key", key);
        out.put("name", coreName(in.path("name").asText(""), key));
        String description = in.path("description").asText("");
        if (!description.isEmpty()) {
            out.put("description", description);
        }
        out.put("instruction", in.path("instruction").asText());
        ObjectNode skills = out.putObject("skills");
        for (Iterator<Map.Entry<String, JsonNode>> it = in.path("skills").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode skill = skill(e.getKey(), e.getValue());
            if (skill != null) {
                skills.set(e.getKey(), skill);
            }
        }
        out.set("delegates", in.path("delegates").isArray() ? in.get("delegates").deepCopy() : JsonNodeFactory.instance.arrayNode());
        out.putArray("tags");
        return out;
    }

    /** A core expert name: the old display name in lower case with other characters as {@code -}; the key when nothing is left. */
    static String coreName(String name, String key) {
        if (CORE_NAME.matcher(name).matches()) {
            return name;
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[-_]+", "")
                .replaceAll("-+$", "");
        if (slug.length() > 255) {
            slug = slug.substring(0, 255);
        }
        return CORE_NAME.matcher(slug).matches() ? slug : key;
    }

    private static ObjectNode skill(String name, JsonNode in) {
        String type = in.path("type").asText();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case "interactive" -> {
                common(out, "interactiveSkill", name, in);
                ObjectNode tools = out.putObject("tools");
                for (Iterator<Map.Entry<String, JsonNode>> it = in.path("tools").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> t = it.next();
                    ObjectNode tool = tools.putObject(t.getKey()).put("name", t.getKey());
                    String description = t.getValue().path("description").asText("");
                    if (!description.isEmpty()) {
                        tool.put("description", description);
                    }
                    JsonNode schema = t.getValue().get("inputJsonSchema");
                    tool.put("inputJsonSchema", schema == null ? "{\"type\":\"object\"}"
                            : schema.isTextual() ? schema.asText() : schema.toString());
                }
            }
            case "mcpStdio" -> {
                common(out, "mcpStdioSkill", name, in);
                out.put("command", in.path("command").asText());
                if (in.path("packageName").isTextual()) {
                    out.put("packageName", in.get("packageName").asText());
                }
                for (String list : STDIO_LISTS) {
                    out.set(list, strings(in.get(list)));
                }
                out.put("lazyInit", in.path("lazyInit").asBoolean(false));
            }
            case "mcpSse" -> {
                common(out, "mcpSseSkill", name, in);
                out.put("endpoint", in.path("endpoint").asText());
                out.set("pick", strings(in.get("pick")));
                out.set("omit", strings(in.get("omit")));
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    private static void common(ObjectNode out, String type, String name, JsonNode in) {
        out.put("type", type).put("name", name);
        for (String field : new String[] {"description", "rule"}) {
            if (in.path(field).isTextual()) {
                out.put(field, in.get(field).asText());
            }
        }
    }

    private static ArrayNode strings(JsonNode node) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        if (node != null && node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }
}
