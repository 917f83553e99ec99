package ai.perstack.server;

import ai.perstack.server.testing.Api;
import ai.perstack.server.testing.Res;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Conventions every endpoint shares: errors, headers, auth, content types, limits, idempotency. */
class WireRulesTest extends ApiTest {

    @Test
    void healthNeedsNoKey() {
        Res res = expect(anonymous().get("/health"), 200);
        assertThat(res.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void missingOrUnknownKeyIs401() {
        assertErrorBody(expect(anonymous().get("/api/v1/applications"), 401), 401);
        Api wrong = new Api(platform().baseUrl(), "psk_this-key-does-not-exist-anywhere", null);
        assertErrorBody(expect(wrong.get("/api/v1/applications"), 401), 401);
        Res malformed = anonymous().send("GET", "/api/v1/applications", null, "Authorization", "Basic abc");
        expect(malformed, 401);
    }

    @Test
    void everyResponseCarriesRequestIdAndVersion() {
        Res res = newOrg().get("/api/v1/applications");
        assertThat(res.header("Request-Id")).isNotBlank();
        assertThat(res.header("Perstack-Local-Version")).isNotBlank();
        Res unknown = anonymous().get("/nowhere");
        assertThat(unknown.header("Request-Id")).isNotBlank();
        assertThat(unknown.header("Perstack-Local-Version")).isNotBlank();
    }

    @Test
    void clientRequestIdIsEchoed() {
        Res res = newOrg().send("GET", "/api/v1/applications", null, "X-Request-Id", "my-trace-123");
        assertThat(res.header("Request-Id")).isEqualTo("my-trace-123");
    }

    @Test
    void unknownRouteIsJson404() {
        assertErrorBody(expect(newOrg().get("/api/v1/nothing-here"), 404), 404);
        // "/" is the console's (a redirect to /console/, tested with the console).
        assertErrorBody(expect(anonymous().get("/nothing-here"), 404), 404);
    }

    @Test
    void wrongMethodIsJson405() {
        Api api = newOrg();
        assertErrorBody(expect(api.send("PUT", "/api/v1/applications", "{}"), 405), 405);
        assertErrorBody(expect(api.send("PATCH", "/api/v1/env/secrets", "{}"), 405), 405);
        assertErrorBody(expect(api.delete("/api/v1/applications"), 405), 405);
    }

    @Test
    void malformedJsonIs400() {
        Api api = newOrg();
        assertErrorBody(expect(api.post("/api/v1/applications", "{\"name\": "), 400), 400);
        assertErrorBody(expect(api.post("/api/v1/applications", "[1,2]"), 400), 400);
        assertErrorBody(expect(api.post("/api/v1/applications", "{\"name\":\"a\"} {}"), 400), 400);
        assertErrorBody(expect(api.post("/api/v1/applications", "{\"name\":\"a\",\"name\":\"b\"}"), 400), 400);
    }

    @Test
    void wrongContentTypeIs415() {
        Res res = newOrg().send("POST", "/api/v1/applications", "{\"name\":\"x\"}", "Content-Type", "text/plain");
        assertErrorBody(expect(res, 415), 415);
        Res latin = newOrg().send("POST", "/api/v1/applications", "{\"name\":\"x\"}",
                "Content-Type", "application/json; charset=iso-8859-1");
        expect(latin, 415);
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertErrorBody(expect(newOrg().post("/api/v1/applications", big), 413), 413);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        Api api = newOrg();
        Res first = api.send("POST", "/api/v1/applications", "{\"name\":\"once\"}", "Idempotency-Key", "k-1");
        Res again = api.send("POST", "/api/v1/applications", "{\"name\":\"once\"}", "Idempotency-Key", "k-1");
        expect(first, 201);
        expect(again, 201);
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/v1/applications").json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void idempotencyKeyWithADifferentBodyIs409() {
        Api api = newOrg();
        expect(api.send("POST", "/api/v1/applications", "{\"name\":\"a\"}", "Idempotency-Key", "k-2"), 201);
        assertErrorBody(expect(api.send("POST", "/api/v1/applications", "{\"name\":\"b\"}", "Idempotency-Key", "k-2"), 409), 409);
    }

    @Test
    void copiesOfOnePostSentAtOnceActOnceAndEachAnswerIsTheFirstsOrATryAgain() throws Exception {
        Api api = newOrg();
        int copies = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Res>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < copies; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return api.send("POST", "/api/v1/applications", "{\"name\":\"raced\"}", "Idempotency-Key", "k-race");
                }));
            }
            go.countDown();
            String created = null;
            for (java.util.concurrent.Future<Res> f : sent) {
                Res res = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                if (res.status() == 409) {
                    // the first is still being processed: the same request may pass in a second
                    assertThat(res.header("Retry-After")).as("%s", res).isEqualTo("1");
                    assertThat(res.text()).contains("still being processed");
                } else {
                    expect(res, 201);
                    if (created == null) {
                        created = res.text();
                    }
                    assertThat(res.text()).isEqualTo(created);
                }
            }
            assertThat(created).as("one of the copies was answered 201").isNotNull();
        } finally {
            pool.shutdownNow();
        }
        assertThat(api.get("/api/v1/applications").json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void idempotencyKeyWithADifferentBodyIsAFinalConflict() {
        Api api = newOrg();
        expect(api.send("POST", "/api/v1/applications", "{\"name\":\"a\"}", "Idempotency-Key", "k-3"), 201);
        Res conflict = expect(api.send("POST", "/api/v1/applications", "{\"name\":\"b\"}", "Idempotency-Key", "k-3"), 409);
        assertThat(conflict.header("Retry-After")).as("trying again cannot help").isNull();
    }

    @Test
    void idempotencyKeysAreScopedByOrganization() {
        Api one = newOrg();
        Api two = newOrg();
        expect(one.send("POST", "/api/v1/applications", "{\"name\":\"a\"}", "Idempotency-Key", "same"), 201);
        Res other = expect(two.send("POST", "/api/v1/applications", "{\"name\":\"a\"}", "Idempotency-Key", "same"), 201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void validationErrorListsEveryFailingField() {
        Res res = expect(newOrg().post("/api/v1/env/variables", Map.of("name", "1x", "value", 3, "zzz", true)), 400);
        assertThat(res.reason().has("value")).isTrue();
        assertThat(res.reason().has("zzz")).isTrue();
        assertThat(res.json().get("error").asText()).isEqualTo("Bad Request");
    }

    static void assertErrorBody(Res res, int code) {
        assertThat(res.header("Content-Type")).startsWith("application/json");
        assertThat(res.json().get("code").asInt()).isEqualTo(code);
        assertThat(res.json().get("error").isTextual()).isTrue();
        assertThat(res.json().has("reason")).isTrue();
    }
}
