package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An organization with an application and a published expert version, ready to run mock jobs. */
final class JobsFixture {
    final Api api;
    final String applicationId;
    final String expertKey;

    JobsFixture(Api api) {
        this.api = api;
        this.applicationId = ApiTest.createApplication(api, "app-" + UUID.randomUUID().toString().substring(0, 8));
        String scope = "@" + api.org() + "/helper-team";
        List<Object> experts = List.of(
                Map.of("key", "main", "name", "main", "instruction", "Coordinate.",
                        "skills", Map.of("ask", Map.of("type", "interactiveSkill", "description", "Ask the user",
                                "tools", Map.of("askUser", Map.of("description", "Ask a question",
                                        "inputJsonSchema", "{\"type\":\"object\"}")))),
                        "delegates", List.of("helper")),
                Map.of("key", "helper", "name", "helper", "instruction", "Help."));
        Res draft = api.post("/api/v1/experts/" + scope + "/drafts", Map.of("applicationId", applicationId, "experts", experts));
        assertThat(draft.status()).as("%s", draft).isEqualTo(201);
        String draftId = draft.data("draft").get("id").asText();
        Res version = api.post("/api/v1/experts/" + scope + "/drafts/" + draftId + "/version", Map.of("version", "1.0.0"));
        assertThat(version.status()).as("%s", version).isEqualTo(201);
        this.expertKey = scope;
    }

    /** A fixture over an application and expert the caller made. */
    JobsFixture(Api api, String applicationId, String expertKey) {
        this.api = api;
        this.applicationId = applicationId;
        this.expertKey = expertKey;
    }

    Res start(String query, Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("applicationId", applicationId, "expertKey", expertKey,
                "provider", "mock"));
        if (query != null) {
            body.put("query", query);
        }
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return api.post("/api/v1/jobs", body);
    }

    String startId(String query, Object... extra) {
        Res res = start(query, extra);
        assertThat(res.status()).as("%s", res).isEqualTo(201);
        return res.data("job").get("id").asText();
    }

    JsonNode job(String id) {
        return api.get("/api/v1/jobs/" + id).data("job");
    }

    /** Waits until the job reaches one of the statuses (at most 20 s). */
    JsonNode await(String id, String... statuses) {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode job = job(id);
        while (!List.of(statuses).contains(job.get("status").asText())) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + id + " is " + job.get("status") + ", expected " + List.of(statuses) + ": " + job);
            }
            sleep(20);
            job = job(id);
        }
        return job;
    }

    List<JsonNode> checkpoints(String id) {
        Res res = api.get("/api/v1/jobs/" + id + "/checkpoints?take=100");
        assertThat(res.status()).as("%s", res).isEqualTo(200);
        List<JsonNode> out = new java.util.ArrayList<>();
        res.data("checkpoints").forEach(out::add);
        return out;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
