package ai.perstack.server.providers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.server.providers.StubModelServer.Recorded;
import ai.perstack.server.providers.StubModelServer.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Core's loop through each provider's wire format on the stub: attemptCompletion's final call without tools, an
 * empty reply retried with core's note, and images and files of tool results sent inline.
 */
abstract class ProviderLoopScenarios extends ProviderScenarios {

    /** The inline media of tool results in a request, as {@code image:<mime>} / {@code file:<mime>}, in order. */
    abstract List<String> media(JsonNode body);

    /** The text of the last user message of a request (a plain text one, not tool results). */
    abstract String lastUserText(JsonNode body);

    /** A reply with neither text nor a tool call. */
    abstract String emptyReply();

    /** A reply with one tool call that stopped at the output limit (its arguments cut off where the format allows). */
    abstract String truncatedToolCallReply(Call call);

    private String startSkilled(String query) {
        String skilled = f.skilledExpert();
        return expect(f.api.post("/api/v1/jobs", Map.of("applicationId", f.applicationId, "expertKey", skilled,
                "provider", provider(), "query", query)), 201).data("job").get("id").asText();
    }

    @Test
    void attemptCompletionWithoutTextAsksTheModelOnceMoreWithoutTools() {
        stub.then(Reply.json(200, toolCallReply(null, new Call("call_done", "attemptCompletion", "{}"),
                        new Call("call_skip", "echo", "{\"text\":\"never\"}"))))
                .then(Reply.json(200, textReply("All done.", null, 12, 3)));
        String id = startSkilled("Finish up");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("All done.");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("status").asText()).containsExactly("init", "completed");
        assertThat(cps.get(1).get("activities")).extracting(a -> a.get("type").asText())
                .containsExactly("attemptCompletion", "complete");
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(2);
        JsonNode last = requests.get(1).json();
        assertThat(toolNames(requests.get(0).json())).contains("attemptCompletion");
        assertThat(last.has("tools")).as("the final-answer call offers no tools").isFalse();
        assertThat(toolResult(last, "call_done")).isNotNull();
        // the call beside attemptCompletion got no result, so it is not sent either
        assertThat(assistantToolCallIds(last)).containsExactly("call_done");
        // both calls' usage: the step made two model calls
        assertThat(job.get("usage").get("outputTokens").asLong()).isEqualTo(7 + 3);
    }

    @Test
    void anEmptyReplyIsRetriedWithCoresNote() {
        stub.then(Reply.json(200, emptyReply())).then(Reply.json(200, textReply("Now with text", null, 5, 2)));
        String id = f.startId("Say something");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Now with text");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText())
                .containsExactly("query", "retry", "complete");
        assertThat(cps.get(1).get("retryCount").asInt()).isEqualTo(1);
        assertThat(lastUserText(stub.requests().get(1).json())).isEqualTo(
                "{\"error\":\"Error: No tool call or text generated\","
                        + "\"message\":\"You must generate a tool call or provide a response. Try again.\"}");
    }

    @Test
    void imagesAndFilesOfToolResultsReachTheModelInline() {
        stub.then(Reply.json(200, toolCallReply(null,
                        new Call("call_w", "writeTextFile", "{\"path\":\"doc.pdf\",\"text\":\"%PDF-1.4 tiny\"}"))))
                .then(Reply.json(200, toolCallReply(null, new Call("call_pdf", "readPdfFile", "{\"path\":\"doc.pdf\"}"),
                        new Call("call_img", "image", "{}"))))
                .then(Reply.json(200, textReply("Seen both", null, 40, 2)));
        String id = startSkilled("Look at the files");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Seen both");
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        assertThat(media(requests.get(1).json())).isEmpty();
        assertThat(media(requests.get(2).json())).containsExactly("file:application/pdf", "image:image/png");
        assertThat(requests.get(2).body()).doesNotContain("[image ");
    }

    @Test
    void aReplyCutOffAtTheOutputLimitIsRetriedWithCoresSyntheticResult() {
        stub.then(Reply.json(200, truncatedToolCallReply(new Call("call_cut", "echo", "{\"text\":\"hal\"}"))))
                .then(Reply.json(200, textReply("Shorter now", null, 5, 2)));
        String id = startSkilled("Echo a long text");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("Shorter now");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText()).containsExactly("query", "retry", "complete");
        assertThat(cps.get(1).get("activity").get("error").asText()).isEqualTo("Generation length exceeded");
        JsonNode second = stub.requests().get(1).json();
        assertThat(assistantToolCallIds(second)).containsExactly("call_cut");
        assertThat(toolResult(second, "call_cut")).contains("Generation length exceeded");
    }
}
