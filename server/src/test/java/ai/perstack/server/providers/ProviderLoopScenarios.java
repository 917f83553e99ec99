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

    /**
     * The text of the last user message of a request (a plain text one, not tool results). Both wire
     * formats carry it as {@code messages[].content} string of a {@code user} message.
     */
    String lastUserText(JsonNode body) {
        List<String> texts = userTexts(body);
        return texts.isEmpty() ? null : texts.get(texts.size() - 1);
    }

    /** A reply with neither text nor a tool call. */
    String emptyReply() {
        return toolCallReply(null);
    }

    /** A reply with one tool call that stopped at the output limit (its arguments cut off where the format allows). */
    abstract String truncatedToolCallReply(Call call);

    /** A reply with {@code call} that the provider's content filter stopped (OpenAI content_filter, Anthropic refusal). */
    abstract String filteredToolCallReply(Call call);

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
        assertThat(toolResult(second, "call_cut"))
                .isEqualTo("{\"error\":\"Error: Tool call generation failed\",\"message\":\"Generation length exceeded. Try again.\"}");
    }

    @Test
    void toolCallsAfterAFinishReasonCoreDoesNotGoOnFromFailTheJob() {
        stub.then(Reply.json(200, filteredToolCallReply(new Call("call_f", "ask__askUser", "{\"question\":\"Which?\"}"))));
        String id = f.startId("Ask something");
        JsonNode job = f.await(id, "stoppedByError");
        assertThat(job.get("error").get("message").asText()).isEqualTo("Unexpected finish reason: content-filter");
        assertThat(job.get("error").get("isRetryable").asBoolean()).isFalse();
        assertThat(stub.requests()).hasSize(1);
        assertThat(f.checkpoints(id)).extracting(c -> c.get("activity").get("type").asText()).containsExactly("query", "error");
    }

    @Test
    void twoDelegateCallsOfOneReplyRunConcurrentlyAndBothResultsGoBack() {
        java.util.function.Function<Recorded, String> answer = r -> textReply("answer to " + firstUserText(r.json()),
                null, 4, 2);
        stub.then(Reply.json(200, toolCallReply(null,
                        new Call("call_1", "delegate__helper", "{\"query\":\"Add 1 and 1\"}"),
                        new Call("call_2", "delegate__helper", "{\"query\":\"Add 2 and 2\"}"))))
                .then(new Reply(200, Map.of(), answer, 0))
                .then(new Reply(200, Map.of(), answer, 0))
                .then(Reply.json(200, textReply("2 and 4", null, 30, 3)));
        String id = f.startId("Add twice");
        JsonNode job = f.await(id, "completed");
        assertThat(job.get("result").asText()).isEqualTo("2 and 4");
        List<JsonNode> cps = f.checkpoints(id);
        assertThat(cps).extracting(c -> c.get("activity").get("type").asText()).containsExactly("query", "delegate",
                "query", "query", "complete", "complete", "delegationComplete", "complete");
        String parent = cps.get(0).get("runId").asText();
        assertThat(java.util.Set.of(parent, cps.get(2).get("runId").asText(), cps.get(3).get("runId").asText(),
                cps.get(6).get("runId").asText())).hasSize(4);
        JsonNode last = stub.requests().get(3).json();
        assertThat(toolResult(last, "call_1")).isEqualTo("answer to Add 1 and 1");
        assertThat(toolResult(last, "call_2")).isEqualTo("answer to Add 2 and 2");
        // usage: the parent's two calls and both children's
        assertThat(job.get("usage").get("outputTokens").asLong()).isEqualTo(7 + 2 + 2 + 3);
    }

    /**
     * A job that the one-call-per-step loop stored in the middle of a reply's queue (one result gathered, the
     * interactive call awaiting its answer, a delegate call not taken yet) goes on under the current loop: the
     * delegate runs, and the model gets all three results together.
     */
    @Test
    void aJobStoredMidQueueByTheEarlierLoopGoesOn() throws Exception {
        java.nio.file.Path dir = ai.perstack.server.testing.Platforms.newDataDir();
        String id;
        String org;
        try (ai.perstack.server.LocalPlatform first = ProviderPlatform.start(dir)) {
            Fixture own = new Fixture(first);
            own.secret(keySecret(), key);
            stub.then(Reply.json(200, toolCallReply(null, new Call("call_q", "ask__askUser", "{\"question\":\"Go?\"}"))));
            id = own.startId("Do three things");
            own.await(id, "stoppedByInteractiveTool");
            org = own.api.org();
        }
        String url = ai.perstack.server.store.Database.h2Url(dir);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            String stateJson;
            try (var q = c.prepareStatement("SELECT state_json FROM jobs WHERE id = ?")) {
                q.setString(1, id);
                try (var rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    stateJson = rs.getString(1);
                }
            }
            try (var u = c.prepareStatement("UPDATE jobs SET state_json = ? WHERE id = ?")) {
                u.setString(1, earlierLoopState(stateJson));
                u.setString(2, id);
                assertThat(u.executeUpdate()).isEqualTo(1);
            }
        }
        stub.then(Reply.json(200, textReply("2", null, 5, 1)))
                .then(Reply.json(200, textReply("All three done", null, 30, 4)));
        try (ai.perstack.server.LocalPlatform second = ProviderPlatform.start(dir)) {
            ai.perstack.server.testing.Api api = new ai.perstack.server.testing.Api(second.baseUrl(),
                    second.createApiKey(org), org);
            expect(api.post("/api/v1/jobs/" + id + "/continue", Map.of("interactiveToolCallResult", true,
                    "query", "yes")), 200);
            long deadline = System.currentTimeMillis() + 20_000;
            JsonNode job = expect(api.get("/api/v1/jobs/" + id), 200).data("job");
            while (!"completed".equals(job.get("status").asText()) && System.currentTimeMillis() < deadline) {
                sleep(20);
                job = expect(api.get("/api/v1/jobs/" + id), 200).data("job");
            }
            assertThat(job.get("result").asText()).as("%s", job).isEqualTo("All three done");
        }
        List<Recorded> requests = stub.requests();
        assertThat(requests).hasSize(3);
        JsonNode last = requests.get(2).json();
        assertThat(assistantToolCallIds(last)).containsExactly("call_a", "call_q", "call_b");
        assertThat(toolResult(last, "call_a")).isEqualTo("earlier");
        assertThat(toolResult(last, "call_q")).isEqualTo("yes");
        assertThat(toolResult(last, "call_b")).isEqualTo("2");
    }

    /** The stored state rewritten as the one-call-per-step loop kept it, mid-queue. */
    private static String earlierLoopState(String stateJson) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode state = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(stateJson);
        com.fasterxml.jackson.databind.node.ObjectNode run = (com.fasterxml.jackson.databind.node.ObjectNode)
                state.get("runs").get(0);
        run.remove(List.of("pendingCalls", "partialResults", "readyResults", "lastText"));
        run.put("pendingToolCallId", "call_q");
        com.fasterxml.jackson.databind.node.ObjectNode memo = (com.fasterxml.jackson.databind.node.ObjectNode)
                run.get("memo");
        com.fasterxml.jackson.databind.node.ArrayNode messages = (com.fasterxml.jackson.databind.node.ArrayNode)
                memo.get("messages");
        com.fasterxml.jackson.databind.node.ObjectNode reply = (com.fasterxml.jackson.databind.node.ObjectNode)
                messages.get(messages.size() - 1);
        reply.remove("anthropicContent");
        reply.set("toolCalls", json.readTree("""
                [{"id":"call_a","name":"ask__askUser","args":{"question":"First?"}},
                 {"id":"call_q","name":"ask__askUser","args":{"question":"Go?"}},
                 {"id":"call_b","name":"delegate__helper","args":{"query":"Add 1 and 1"}}]"""));
        memo.set("results", json.readTree("[{\"id\":\"call_a\",\"name\":\"ask__askUser\",\"content\":\"earlier\"}]"));
        memo.set("awaiting", json.readTree("{\"id\":\"call_q\",\"name\":\"ask__askUser\",\"kind\":\"interactive\"}"));
        memo.set("pending", json.readTree("""
                [{"id":"call_b","name":"delegate__helper","args":{"query":"Add 1 and 1"},"kind":"delegate",
                  "delegateTo":"helper"}]"""));
        return state.toString();
    }
}
