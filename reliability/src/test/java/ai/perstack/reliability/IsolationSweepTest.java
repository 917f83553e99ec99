package ai.perstack.reliability;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.Job;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.RawApi;
import ai.perstack.reliability.support.Seed;
import ai.perstack.server.LocalPlatform;
import ai.perstack.testkit.LocalPerstack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every endpoint, a second organization presenting the first one's ids, names, expert keys,
 * idempotency keys and a forged API key gets an error (404, or 401 for the key; 400/403 where the
 * decisions say so for writes into another organization's scope) and never any of its data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationSweepTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String keyA = Platforms.newApiKey();
    private LocalPlatform platform;
    private PerstackClient a;
    private String keyB;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // Organization A's identifiers.
    private String appId;
    private String orgId;
    private String jobId;
    private String checkpointId;
    private String draftId;
    private static final String SCOPE = "@local/writer";
    private static final String SECRET_VALUE = "top-secret-value-of-a";
    private static final String VARIABLE_VALUE = "variable-value-of-a";

    @BeforeAll
    void seedOrganizationA() throws Exception {
        platform = Platforms.start(false, keyA);
        a = Seed.client(platform.baseUrl(), keyA, Duration.ofSeconds(30), 0);
        Seed seed = Seed.create(a, "local", "isolated-app");
        appId = seed.applicationId();
        a.env().secrets().create(CreateSecretInput.builder().name("A_SECRET").value(SECRET_VALUE).build()).orElseThrow();
        a.env().variables().create(CreateVariableInput.builder().name("A_VARIABLE").value(VARIABLE_VALUE).build()).orElseThrow();
        ExpertDraft draft = a.experts().drafts().create(SCOPE, CreateDraftInput.builder().applicationId(appId)
                .experts(LocalPerstack.readExperts("writer.json")).build()).orElseThrow().data().draft();
        draftId = draft.id();
        Job job = seed.start("Isolated job\n/steps 2");
        CrashRecoveryTest.awaitFinal(a, job.id(), Duration.ofSeconds(30));
        jobId = job.id();
        orgId = job.organizationId();
        Checkpoint cp = a.jobs().checkpoints().list(jobId).orElseThrow().data().checkpoints().get(0);
        checkpointId = cp.id();
        keyB = platform.createApiKey("other");
    }

    @AfterAll
    void stop() {
        a.close();
        platform.close();
    }

    private record Call(String method, String path, String body, Set<Integer> allowed) {
    }

    private List<Call> everyEndpointWithTheIdsOfA() {
        String app = "{\"name\":\"renamed\"}";
        String experts = LocalPerstack.readExperts("writer.json").stream().map(e -> e.toJson().toString())
                .reduce((x, y) -> x + "," + y).orElseThrow();
        Set<Integer> notFound = Set.of(404);
        Set<Integer> scopeWrite = Set.of(400, 403, 404);
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", "/applications/" + appId, null, notFound));
        calls.add(new Call("POST", "/applications/" + appId, app, notFound));
        calls.add(new Call("DELETE", "/applications/" + appId, null, notFound));
        for (String kind : List.of("secrets", "variables")) {
            String name = kind.equals("secrets") ? "A_SECRET" : "A_VARIABLE";
            calls.add(new Call("GET", "/env/" + kind + "/" + name, null, notFound));
            calls.add(new Call("POST", "/env/" + kind + "/" + name, "{\"value\":\"overwritten\"}", notFound));
            calls.add(new Call("DELETE", "/env/" + kind + "/" + name, null, notFound));
        }
        calls.add(new Call("GET", "/experts/" + SCOPE, null, notFound));
        calls.add(new Call("GET", "/experts/" + SCOPE + "@1.0.0", null, notFound));
        calls.add(new Call("GET", "/experts/" + SCOPE + "@latest", null, notFound));
        calls.add(new Call("GET", "/experts/" + SCOPE + "/meta", null, notFound));
        calls.add(new Call("GET", "/experts/" + SCOPE + "@1.0.0/meta", null, notFound));
        calls.add(new Call("GET", "/experts/" + SCOPE + "/versions", null, notFound));
        calls.add(new Call("POST", "/experts/" + SCOPE + "/publish", "{}", scopeWrite));
        calls.add(new Call("POST", "/experts/" + SCOPE + "/unpublish", "{}", scopeWrite));
        calls.add(new Call("POST", "/experts/" + SCOPE + "@1.0.0/yank", "{}", scopeWrite));
        calls.add(new Call("GET", "/experts/" + SCOPE + "/drafts", null, notFound));
        calls.add(new Call("POST", "/experts/" + SCOPE + "/drafts",
                "{\"applicationId\":\"" + appId + "\",\"experts\":[" + experts + "]}", scopeWrite));
        calls.add(new Call("GET", "/experts/" + SCOPE + "/drafts/" + draftId, null, notFound));
        calls.add(new Call("POST", "/experts/" + SCOPE + "/drafts/" + draftId, "{\"experts\":[" + experts + "]}", scopeWrite));
        calls.add(new Call("DELETE", "/experts/" + SCOPE + "/drafts/" + draftId, null, scopeWrite));
        calls.add(new Call("POST", "/experts/" + SCOPE + "/drafts/" + draftId + "/version", "{\"version\":\"2.0.0\"}", scopeWrite));
        calls.add(new Call("POST", "/jobs", "{\"applicationId\":\"" + appId + "\",\"expertKey\":\"" + SCOPE
                + "\",\"query\":\"steal\",\"provider\":\"mock\"}", Set.of(400, 404)));
        calls.add(new Call("GET", "/jobs/" + jobId, null, notFound));
        calls.add(new Call("POST", "/jobs/" + jobId, "{\"status\":\"paused\"}", notFound));
        calls.add(new Call("POST", "/jobs/" + jobId + "/continue", "{\"query\":\"more\"}", notFound));
        calls.add(new Call("POST", "/jobs/" + jobId + "/cancel", "{}", notFound));
        calls.add(new Call("GET", "/jobs/" + jobId + "/checkpoints", null, notFound));
        calls.add(new Call("GET", "/jobs/" + jobId + "/checkpoints/" + checkpointId, null, notFound));
        calls.add(new Call("GET", "/jobs/" + jobId + "/checkpoints/stream", null, notFound));
        return calls;
    }

    /** Strings of A that must never appear in an answer to B. */
    private List<String> secretsOfA() {
        return List.of(appId, orgId, jobId, checkpointId, draftId, SECRET_VALUE, VARIABLE_VALUE, "isolated-app",
                "Isolated job", "A_SECRET", "A_VARIABLE");
    }

    @Test
    void anotherOrganizationGetsErrorsAndNoDataFromEveryEndpoint() throws Exception {
        Map<String, String> before = CrashRecoveryTest.snapshot(new RawApi(platform.baseUrl(), keyA), jobId);
        int probes = 0;
        for (Call call : everyEndpointWithTheIdsOfA()) {
            HttpResponse<String> r = send(keyB, call.method(), call.path(), call.body(), Map.of());
            probes++;
            assertThat(r.statusCode()).as("%s %s", call.method(), call.path()).isIn(call.allowed());
            assertError(r, call);
            // The same with a forged key: 401, nothing else.
            HttpResponse<String> forged = send(keyA.substring(0, keyA.length() - 2) + "xx", call.method(), call.path(),
                    call.body(), Map.of());
            probes++;
            assertThat(forged.statusCode()).as("forged key %s %s", call.method(), call.path()).isEqualTo(401);
            assertError(forged, call);
        }
        // Lists and filters answer 200 but hold nothing of A.
        for (String list : List.of("/applications?name=isolated", "/jobs?filter=applicationId:" + appId,
                "/experts?filter=writer&includeDrafts=true", "/env/secrets", "/env/variables")) {
            HttpResponse<String> r = send(keyB, "GET", list, null, Map.of());
            probes++;
            assertThat(r.statusCode()).as(list).isEqualTo(200);
            for (String s : secretsOfA()) {
                assertThat(r.body()).as(list).doesNotContain(s);
            }
        }
        assertThat(CrashRecoveryTest.snapshot(new RawApi(platform.baseUrl(), keyA), jobId)).isEqualTo(before);
        Figures.record("IsolationSweepTest", "cross-organization probes", probes);
        Figures.record("IsolationSweepTest", "answers that leaked data", 0);
    }

    @Test
    void anIdempotencyKeyOfOneOrganizationReplaysNothingToAnother() throws Exception {
        String body = "{\"name\":\"same-name-same-key\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key-1234");
        HttpResponse<String> first = send(keyA, "POST", "/applications", body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> other = send(keyB, "POST", "/applications", body, key);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        JsonNode mine = JSON.readTree(other.body()).path("data").path("application");
        JsonNode theirs = JSON.readTree(first.body()).path("data").path("application");
        assertThat(mine.path("id").asText()).isNotEqualTo(theirs.path("id").asText());
        assertThat(mine.path("organizationId").asText()).isNotEqualTo(orgId);
        HttpResponse<String> replay = send(keyA, "POST", "/applications", body, key);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());
    }

    private void assertError(HttpResponse<String> r, Call call) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asInt()).as("%s %s", call.method(), call.path()).isEqualTo(r.statusCode());
        assertThat(body.has("error") && body.has("reason")).isTrue();
        assertThat(body.has("data")).isFalse();
        for (String s : secretsOfA()) {
            if (!call.path().contains(s) && (call.body() == null || !call.body().contains(s))) { // echoing the caller's own input leaks nothing
                assertThat(r.body()).as("%s %s", call.method(), call.path()).doesNotContain(s);
            }
        }
        assertThat(r.body()).doesNotContain(SECRET_VALUE).doesNotContain(VARIABLE_VALUE);
    }

    private HttpResponse<String> send(String apiKey, String method, String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + apiKey);
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
