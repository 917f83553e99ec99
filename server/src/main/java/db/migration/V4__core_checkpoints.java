package db.migration;

import ai.perstack.server.store.CheckpointUpgrade;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Rewrites the checkpoints the first server stored into Perstack core's shapes (see
 * {@link CheckpointUpgrade}), job by job, and gives each unfinished job's runtime state what the
 * new runtime reads from it. Plain JDBC and Jackson, so it runs the same on H2 and PostgreSQL,
 * inside Flyway's transaction: either every job is upgraded or none is. Jobs' reasoning budgets
 * ({@code low|medium|high}) are valid core values and stay as they are.
 */
public class V4__core_checkpoints extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> jobIds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM jobs ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                jobIds.add(rs.getString(1));
            }
        }
        for (String jobId : jobIds) {
            upgradeJob(c, jobId);
        }
    }

    private static void upgradeJob(Connection c, String jobId) throws SQLException, JsonProcessingException {
        List<String> ids = new ArrayList<>();
        List<ObjectNode> bodies = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, body_json FROM checkpoints WHERE job_id = ? ORDER BY sequence")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    bodies.add(object(rs.getString(2), "checkpoint " + rs.getString(1)));
                }
            }
        }
        CheckpointUpgrade.RunFacts facts = CheckpointUpgrade.upgrade(bodies);
        try (PreparedStatement u = c.prepareStatement("UPDATE checkpoints SET body_json = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                u.setString(1, bodies.get(i).toString());
                u.setString(2, ids.get(i));
                u.addBatch();
            }
            u.executeBatch();
        }
        String state = null;
        try (PreparedStatement s = c.prepareStatement("SELECT state_json FROM jobs WHERE id = ?")) {
            s.setString(1, jobId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    state = rs.getString(1);
                }
            }
        }
        if (state != null) {
            ObjectNode root = object(state, "the runtime state of job " + jobId);
            CheckpointUpgrade.upgradeState(root, facts);
            try (PreparedStatement u = c.prepareStatement("UPDATE jobs SET state_json = ? WHERE id = ?")) {
                u.setString(1, root.toString());
                u.setString(2, jobId);
                u.executeUpdate();
            }
        }
    }

    private static ObjectNode object(String json, String what) throws JsonProcessingException {
        JsonNode node = JSON.readTree(json);
        if (!(node instanceof ObjectNode o)) {
            throw new IllegalStateException(what + " is not a JSON object; the upgrade stops without changing anything");
        }
        return o;
    }
}
