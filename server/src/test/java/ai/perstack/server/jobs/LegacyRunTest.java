package ai.perstack.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Runs stored by the one-call-per-step loop, read onto the current loop's fields. */
class LegacyRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode run(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void aChatRunInTheMiddleOfItsQueueKeepsItsResultsAndItsCallsNotTakenYet() throws Exception {
        ObjectNode run = run("""
                {"runId":"r1","expertKey":"main","toolResult":"written",
                 "memo":{"messages":[{"role":"user","text":"go"}],
                  "results":[{"id":"call_a","name":"echo","content":"yo"}],
                  "awaiting":{"id":"call_w","name":"writeTextFile","kind":"skill"},
                  "pending":[{"id":"call_r","name":"readTextFile","kind":"skill","skillName":"@perstack/base",
                              "toolName":"readTextFile","args":{"path":"a.txt"}},
                             {"id":"call_q","name":"ask__askUser","kind":"interactive","skillName":"ask",
                              "toolName":"askUser","args":{"question":"ok?"}}]}}""");
        LegacyRun.upgrade(run);
        assertThat(run.get("memo").has("pending")).isFalse();
        assertThat(run.get("memo").has("awaiting")).isFalse();
        assertThat(run.get("memo").has("results")).isFalse();
        assertThat(run.get("memo").get("messages")).hasSize(1);
        assertThat(run.has("toolResult")).isFalse();
        assertThat(run.get("partialResults")).extracting(r -> r.get("id").asText()).containsExactly("call_a", "call_w");
        assertThat(run.get("partialResults").get(1).get("parts").get(0).get("text").asText()).isEqualTo("written");
        assertThat(run.get("pendingCalls")).extracting(c -> c.get("id").asText() + ":" + c.get("kind").asText())
                .containsExactly("call_r:SKILL", "call_q:INTERACTIVE");
        assertThat(run.get("pendingCalls").get(0).get("args").get("path").asText()).isEqualTo("a.txt");
    }

    @Test
    void aChatRunWaitingForAnAnswerWaitsForItAsItsFirstPendingCall() throws Exception {
        ObjectNode run = run("""
                {"runId":"r1","expertKey":"main","pendingToolCallId":"call_q",
                 "memo":{"messages":[],"results":[],"pending":[],
                  "awaiting":{"id":"call_q","name":"ask__askUser","kind":"interactive"}}}""");
        LegacyRun.upgrade(run);
        assertThat(run.has("pendingToolCallId")).isFalse();
        assertThat(run.get("pendingCalls")).singleElement()
                .satisfies(c -> assertThat(c.get("id").asText()).isEqualTo("call_q"));
        assertThat(run.get("partialResults")).isEmpty();
    }

    @Test
    void anAnsweredChatRunHasItsAnswerAsAResult() throws Exception {
        ObjectNode run = run("""
                {"runId":"r1","expertKey":"main","answer":"blue",
                 "memo":{"messages":[],"results":[],"pending":[],
                  "awaiting":{"id":"call_q","name":"ask__askUser","kind":"interactive"}}}""");
        LegacyRun.upgrade(run);
        assertThat(run.has("answer")).isFalse();
        assertThat(run.get("partialResults")).singleElement()
                .satisfies(r -> assertThat(r.get("parts").get(0).get("text").asText()).isEqualTo("blue"));
        assertThat(run.get("pendingCalls")).isEmpty();
    }

    @Test
    void aFinishedDelegationNotYetRecordedIsRecordedWithItsResult() throws Exception {
        ObjectNode run = run("""
                {"runId":"r1","expertKey":"main","delegation":{"delegateTo":"helper","result":"42"},
                 "memo":{"messages":[],"results":[],"pending":[],
                  "awaiting":{"id":"call_sum","name":"delegate__helper","kind":"delegate"}}}""");
        LegacyRun.upgrade(run);
        assertThat(run.get("delegationsDone").asInt()).isEqualTo(1);
        assertThat(run.has("delegation")).isFalse();
        assertThat(run.get("partialResults")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo("call_sum");
            assertThat(r.get("parts").get(0).get("text").asText()).isEqualTo("42");
        });
    }

    @Test
    void aMockRunKeepsItsAnswerForTheLoopAndARunOfTheCurrentLoopIsUnchanged() throws Exception {
        ObjectNode mock = run("{\"runId\":\"r1\",\"expertKey\":\"main\",\"answer\":\"yes\",\"memo\":{\"position\":3}}");
        LegacyRun.upgrade(mock);
        assertThat(mock.get("answer").asText()).isEqualTo("yes");
        assertThat(mock.has("pendingCalls")).isFalse();
        ObjectNode current = run("""
                {"runId":"r1","expertKey":"main","memo":{"messages":[]},
                 "pendingCalls":[{"id":"c","kind":"INTERACTIVE","skillName":"ask","toolName":"askUser","args":{}}],
                 "partialResults":[]}""");
        ObjectNode before = current.deepCopy();
        LegacyRun.upgrade(current);
        assertThat(current).isEqualTo(before);
    }
}
