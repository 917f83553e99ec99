import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes the rows of every table of an H2 store as JSON, {"table": [{"column": value}]}, in the
 * order the tables must be loaded (parents first), so the same store can be loaded into
 * PostgreSQL. Timestamps are ISO-8601 strings, binary values base64. Flyway's history is left
 * out: the loading side builds the schema itself. Run with the H2 jar: java -cp h2.jar ExportRows.java URL OUT.
 */
public class ExportRows {
    private static final List<String> TABLES = List.of("organizations", "api_keys", "applications", "env_entries",
            "expert_scopes", "expert_drafts", "expert_versions", "expert_tags", "idempotency_records", "jobs", "checkpoints");

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder("{");
        try (Connection c = DriverManager.getConnection(args[0])) {
            List<String> present = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    present.add(rs.getString("TABLE_NAME"));
                }
            }
            present.remove("flyway_schema_history");
            if (!present.containsAll(TABLES) || !TABLES.containsAll(present)) {
                throw new IllegalStateException("tables of the store " + present + " differ from the expected " + TABLES);
            }
            String sep = "";
            for (String table : TABLES) {
                out.append(sep).append("\n  ").append(quote(table)).append(": [");
                sep = ",";
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    ResultSetMetaData md = rs.getMetaData();
                    String rowSep = "";
                    while (rs.next()) {
                        out.append(rowSep).append("\n    {");
                        rowSep = ",";
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            out.append(i == 1 ? "" : ", ").append(quote(md.getColumnLabel(i).toLowerCase())).append(": ")
                                    .append(value(rs, i, md.getColumnType(i)));
                        }
                        out.append("}");
                    }
                }
                out.append("\n  ]");
            }
        }
        Files.writeString(Path.of(args[1]), out.append("\n}\n").toString());
    }

    private static String value(ResultSet rs, int i, int type) throws Exception {
        Object v = rs.getObject(i);
        if (v == null) {
            return "null";
        }
        return switch (type) {
            case Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.SMALLINT -> v.toString();
            case Types.TIMESTAMP_WITH_TIMEZONE -> quote(rs.getObject(i, OffsetDateTime.class).toInstant().toString());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> quote(Base64.getEncoder().encodeToString(rs.getBytes(i)));
            default -> quote(rs.getString(i));
        };
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return b.append('"').toString();
    }
}
