package ai.perstack.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The V4 rewrite's history rules on shapes the end-to-end upgrade test does not write. */
class CheckpointUpgradeRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private int sequence;

    private ObjectNode cp(String run, String key, String status, String activityJson) throws Exception {
        sequence++;
        ObjectNode cp = (ObjectNode) JSON.readTree("{\"id\":\"cp" + sequence + "\",\"runId\":\"" + run + "\",\"sequence\":"
                + sequence + ",\"stepNumber\":1,\"status\":\"" + status + "\",\"expert\":{\"key\":\"" + key
                + "\",\"name\":\"N-" + key + "\",\"version\":\"1.0.0\"},\"usage\":{\"inputTokens\":2,\"outputTokens\":1,"
                + "\"reasoningTokens\":0,\"cachedInputTokens\":1,\"totalTokens\":3}}");
        ObjectNode activity = (ObjectNode) JSON.readTree(activityJson);
        activity.put("id", "a" + sequence).put("expertKey", key).put("runId", run);
        cp.set("activity", activity);
        return cp;
    }

    @Test
    void nestedDelegationsPointAtTheirOwnParentAndAContinuedRunStartsAFreshChain() throws Exception {
        List<ObjectNode> cps = new ArrayList<>(List.of(
                cp("r1", "main", "init", "{\"type\":\"query\",\"text\":\"q\"}"),
                cp("r1", "main", "stoppedByDelegate", "{\"type\":\"delegate\",\"delegateTo\":\"@acme/mid@1.0.0\",\"query\":\"m\"}"),
                cp("r2", "@acme/mid@1.0.0", "init", "{\"type\":\"query\",\"text\":\"m\"}"),
                cp("r2", "@acme/mid@1.0.0", "stoppedByDelegate", "{\"type\":\"delegate\",\"delegateTo\":\"leaf\",\"query\":\"l\"}"),
                cp("r3", "leaf", "init", "{\"type\":\"query\",\"text\":\"l\"}"),
                cp("r3", "leaf", "completed", "{\"type\":\"complete\",\"text\":\"L\"}"),
                cp("r2", "@acme/mid@1.0.0", "proceeding", "{\"type\":\"delegationComplete\",\"delegateTo\":\"leaf\",\"result\":\"L\"}"),
                cp("r2", "@acme/mid@1.0.0", "completed", "{\"type\":\"complete\",\"text\":\"M\"}"),
                cp("r1", "main", "proceeding", "{\"type\":\"delegationComplete\",\"delegateTo\":\"@acme/mid@1.0.0\",\"result\":\"M\"}"),
                cp("r1", "main", "completed", "{\"type\":\"complete\",\"text\":\"done\"}"),
                cp("r4", "main", "init", "{\"type\":\"query\",\"text\":\"again\"}")));
        CheckpointUpgrade.RunFacts facts = CheckpointUpgrade.upgrade(cps);

        assertThat(cps).extracting(c -> c.get("stepNumber").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(cps.get(10).get("usage").get("inputTokens").asInt()).isEqualTo(22);
        assertThat(cps.get(10).get("usage").get("totalTokens").asInt()).isEqualTo(33);
        JsonNode target = cps.get(1).get("delegateTo").get(0);
        assertThat(target.get("toolName").asText()).isEqualTo("mid");
        assertThat(target.get("expert").get("name").asText()).isEqualTo("N-@acme/mid@1.0.0");
        assertThat(cps.get(2).get("delegatedBy").get("checkpointId").asText()).isEqualTo("cp2");
        assertThat(cps.get(4).get("delegatedBy").get("checkpointId").asText()).isEqualTo("cp4");
        assertThat(cps.get(4).get("activity").get("delegatedBy").get("expertKey").asText()).isEqualTo("@acme/mid@1.0.0");
        // Back in the middle run after its delegate: still delegated by main.
        assertThat(cps.get(6).get("delegatedBy").get("checkpointId").asText()).isEqualTo("cp2");
        assertThat(cps.get(6).get("activity").get("count").asInt()).isEqualTo(1);
        assertThat(cps.get(6).get("activity").has("result")).isFalse();
        assertThat(cps.get(6).get("activity").get("previousActivityId").asText()).isEqualTo("a4");
        assertThat(cps.get(8).has("delegatedBy")).isFalse();
        assertThat(cps.get(10).has("delegatedBy")).isFalse();
        assertThat(cps.get(10).get("activity").has("previousActivityId")).isFalse();
        assertThat(facts.lastActivityIds()).containsEntry("r1", "a10").containsEntry("r4", "a11");
        assertThat(facts.delegatedBy().get("r3").get("runId").asText()).isEqualTo("r2");
    }

    @Test
    void theRuntimeStateLearnsEachRunsLastActivityAndParent() throws Exception {
        sequence = 0;
        List<ObjectNode> cps = new ArrayList<>(List.of(
                cp("r1", "main", "stoppedByDelegate", "{\"type\":\"delegate\",\"delegateTo\":\"helper\",\"query\":\"h\"}"),
                cp("r2", "helper", "init", "{\"type\":\"query\",\"text\":\"h\"}")));
        CheckpointUpgrade.RunFacts facts = CheckpointUpgrade.upgrade(cps);
        ObjectNode state = (ObjectNode) JSON.readTree("{\"runs\":[{\"runId\":\"r1\"},{\"runId\":\"r2\"}]}");
        CheckpointUpgrade.upgradeState(state, facts);
        assertThat(state.at("/runs/0/lastActivityId").asText()).isEqualTo("a1");
        assertThat(state.at("/runs/0").has("delegatedBy")).isFalse();
        assertThat(state.at("/runs/1/lastActivityId").asText()).isEqualTo("a2");
        assertThat(state.at("/runs/1/delegatedBy/checkpointId").asText()).isEqualTo("cp1");
        assertThat(state.at("/runs/1/delegatedBy/toolCallId").asText()).isEqualTo(cps.get(0).at("/delegateTo/0/toolCallId").asText());
        // The delegate's name and version come from its first checkpoint.
        assertThat(cps.get(0).at("/delegateTo/0/expert/name").asText()).isEqualTo("N-helper");
    }
}
