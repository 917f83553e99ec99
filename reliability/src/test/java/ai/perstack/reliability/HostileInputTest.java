package ai.perstack.reliability;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.reliability.support.Figures;
import ai.perstack.reliability.support.Platforms;
import ai.perstack.reliability.support.RawApi;
import ai.perstack.reliability.support.RawHttp;
import ai.perstack.reliability.support.Seed;
import ai.perstack.server.LocalPlatform;
import ai.perstack.testkit.LocalPerstack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based hostile input: malformed and malicious requests against every endpoint,
 * written byte for byte to a socket. Every answer is a 4xx with the JSON error body
 * ({@code code} = status, {@code error}, {@code reason}); the server stays healthy; the stored
 * data is unchanged at the end. Every generated request is invalid by construction (an unknown
 * field, a wrong type, broken JSON, a bad header, an unknown id ...), so none may succeed.
 */
@Tag("long")
class HostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRIES = 2_000;
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final Map<Integer, AtomicLong> BY_STATUS = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static LocalPlatform platform;
    private static String apiKey;
    private static String appId;
    private static String jobId;
    private static String draftId;
    private static String expertsJson;
    private static Map<String, String> before;

    /** Strings an attacker likes. */
    private static final List<String> NASTY = List.of(
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/", "//", ".", "..",
            "' OR '1'='1", "'; DROP TABLE applications; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--",
            "admin'--", "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "{{7*7}}", "%00", "\u0000",
            "\u0000\u0001\u0002\u001f\u007f", "\r\nSet-Cookie: x=y", "\uFEFF", "\uD800", "\uDFFF", "𝕏😀", "ÿþ",
            "null", "true", "[]", "{}", "NaN", "-1", "1e309", "__proto__", "constructor", " ", "\t\n",
            "a".repeat(256), "%ff%fe", "\\u0000", "*", "?", "#", "%", "&", ";", "@", "@local/writer@../..");

    @BeforeContainer
    static void seed() {
        apiKey = Platforms.newApiKey();
        platform = Platforms.start(false, apiKey);
        try (PerstackClient client = Seed.client(platform.baseUrl(), apiKey, Duration.ofSeconds(30), 0)) {
            Seed seed = Seed.create(client, "local", "hostile-target");
            appId = seed.applicationId();
            client.env().secrets().create(CreateSecretInput.builder().name("HOSTILE_SECRET").value("s3cret").build()).orElseThrow();
            client.env().variables().create(CreateVariableInput.builder().name("HOSTILE_VAR").value("v").build()).orElseThrow();
            draftId = client.experts().drafts().create("@local/writer", CreateDraftInput.builder().applicationId(appId)
                    .experts(LocalPerstack.readExperts("writer.json")).build()).orElseThrow().data().draft().id();
            jobId = seed.start("Target job\n/steps 2").id();
            CrashRecoveryTest.awaitFinal(client, jobId, Duration.ofSeconds(30));
            expertsJson = LocalPerstack.readExperts("writer.json").stream().map(e -> e.toJson().toString())
                    .reduce((x, y) -> x + "," + y).orElseThrow();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        before = CrashRecoveryTest.snapshot(new RawApi(platform.baseUrl(), apiKey), jobId);
    }

    @AfterContainer
    static void checkNothingChanged() {
        try {
            assertThat(CrashRecoveryTest.snapshot(new RawApi(platform.baseUrl(), apiKey), jobId)).isEqualTo(before);
            Figures.record("HostileInputTest", "hostile requests", REQUESTS.get());
            Figures.record("HostileInputTest", "answers by status", BY_STATUS);
            Figures.record("HostileInputTest", "5xx answers", BY_STATUS.entrySet().stream()
                    .filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum());
            Figures.record("HostileInputTest", "stored data changed", false);
        } finally {
            platform.close();
        }
    }

    @AfterProperty
    void stillHealthy() throws Exception {
        RawHttp.Response health = RawHttp.send(platform.port(), RawHttp.request("GET", "/health", Map.of(), null));
        assertThat(health.status()).isEqualTo(200);
        RawHttp.Response list = RawHttp.send(platform.port(), RawHttp.request("GET", "/api/v1/applications",
                Map.of("Authorization", "Bearer " + apiKey), null));
        assertThat(list.status()).isEqualTo(200);
    }

    /** A request and what it is, for the failure report. */
    record Hostile(String label, byte[] bytes) {
        @Override
        public String toString() {
            String text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1);
            return label + " <<" + text.replace("\r", "\\r").replace("\n", "\\n") + (bytes.length > 600 ? "..." : "") + ">>";
        }
    }

    // ---- properties ----

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void malformedBodiesAreRejected(@ForAll("hostileBodies") Hostile request) throws Exception {
        expectJsonError(request);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void hostilePathsAndQueriesAreRejected(@ForAll("hostileTargets") Hostile request) throws Exception {
        expectJsonError(request);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void hostileHeadersAreRejected(@ForAll("hostileHeaders") Hostile request) throws Exception {
        expectJsonError(request);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void hostileNamesInBodiesAreRejected(@ForAll("hostileNames") Hostile request) throws Exception {
        expectJsonError(request);
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
    void bogusLastEventIdsAndStreamsAreRejected(@ForAll("hostileStreams") Hostile request) throws Exception {
        expectJsonError(request);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void oversizedBodiesAre413(@ForAll("oversizedBodies") Hostile request) throws Exception {
        RawHttp.Response r = expectJsonError(request);
        assertThat(r.status()).isEqualTo(413);
    }

    private static RawHttp.Response expectJsonError(Hostile request) throws Exception {
        RawHttp.Response r = RawHttp.send(platform.port(), request.bytes());
        REQUESTS.incrementAndGet();
        BY_STATUS.computeIfAbsent(r.status(), k -> new AtomicLong()).incrementAndGet();
        assertThat(r.status()).as("status of %s: %s", request, r.text()).isBetween(400, 499);
        assertThat(r.headers().getOrDefault("content-type", "")).as("content type of %s: %s", request, r.text())
                .startsWith("application/json");
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON for " + request + ": " + r.text());
        }
        assertThat(body.path("code").asInt()).as("code of %s: %s", request, r.text()).isEqualTo(r.status());
        assertThat(body.path("error").isTextual()).as("error of %s: %s", request, r.text()).isTrue();
        assertThat(body.has("reason")).as("reason of %s: %s", request, r.text()).isTrue();
        return r;
    }

    // ---- generators ----

    /** POST endpoints with a valid body each; the generators break these bodies. */
    private static List<String[]> postEndpoints() {
        return List.of(
                new String[] {"/api/v1/applications", "{\"name\":\"fuzz\"}"},
                new String[] {"/api/v1/applications/" + appId, "{\"name\":\"fuzz2\"}"},
                new String[] {"/api/v1/env/secrets", "{\"name\":\"FUZZ\",\"value\":\"v\"}"},
                new String[] {"/api/v1/env/secrets/HOSTILE_SECRET", "{\"value\":\"v\"}"},
                new String[] {"/api/v1/env/variables", "{\"name\":\"FUZZ\",\"value\":\"v\"}"},
                new String[] {"/api/v1/env/variables/HOSTILE_VAR", "{\"value\":\"v\"}"},
                new String[] {"/api/v1/experts/@local/writer/drafts", "{\"applicationId\":\"" + appId + "\",\"experts\":[" + expertsJson + "]}"},
                new String[] {"/api/v1/experts/@local/writer/drafts/" + draftId, "{\"experts\":[" + expertsJson + "]}"},
                new String[] {"/api/v1/experts/@local/writer/drafts/" + draftId + "/version", "{\"version\":\"9.0.0\"}"},
                new String[] {"/api/v1/jobs", "{\"applicationId\":\"" + appId + "\",\"expertKey\":\"@local/writer\",\"query\":\"q\",\"provider\":\"mock\"}"},
                new String[] {"/api/v1/jobs/" + jobId, "{\"status\":\"paused\"}"},
                new String[] {"/api/v1/jobs/" + jobId + "/continue", "{\"query\":\"more\"}"});
    }

    private static Arbitrary<String[]> postEndpoint() {
        return Arbitraries.of(postEndpoints());
    }

    private static Arbitrary<String> nasty() {
        return Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8));
    }

    private static Map<String, String> auth() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + apiKey);
        return h;
    }

    private static Map<String, String> jsonAuth() {
        Map<String, String> h = auth();
        h.put("Content-Type", "application/json; charset=utf-8");
        return h;
    }

    private static Hostile post(String label, String path, byte[] body, Map<String, String> headers) {
        return new Hostile(label, RawHttp.request("POST", path, headers, body));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts {@code insert} into the first string value of {@code json} (right after its opening quote). */
    private static byte[] intoFirstValue(String json, byte[] insert) {
        int colon = json.indexOf("\":\"");
        byte[] head = utf8(json.substring(0, colon + 3));
        byte[] tail = utf8(json.substring(colon + 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(insert);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    @Provide
    Arbitrary<Hostile> hostileBodies() {
        Arbitrary<Hostile> unknownField = Combinators.combine(postEndpoint(), nasty(), Arbitraries.integers().between(0, 200_000))
                .as((e, v, size) -> {
                    String value = size > 100_000 ? jsonString("x".repeat(size)) : jsonString(v);
                    String body = e[1].substring(0, e[1].length() - 1) + ",\"zz_unknown_" + Math.abs(v.hashCode()) + "\":" + value + "}";
                    return post("unknown field", e[0], utf8(body), jsonAuth());
                });
        Arbitrary<Hostile> wrongType = Combinators.combine(postEndpoint(),
                        Arbitraries.of("123", "-1.5e300", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\":{\"b\":1}}", "[[[[]]]]"))
                .as((e, v) -> {
                    // Replace the first string value with a non-string.
                    String body = e[1];
                    int start = body.indexOf("\":\"") + 2;
                    int end = body.indexOf('"', start + 1) + 1;
                    return post("wrong type", e[0], utf8(body.substring(0, start) + v + body.substring(end)), jsonAuth());
                });
        Arbitrary<Hostile> truncated = Combinators.combine(postEndpoint(), Arbitraries.doubles().between(0, 0.999).ofScale(3))
                .as((e, f) -> post("truncated JSON", e[0], utf8(e[1].substring(0, Math.max(1, (int) (e[1].length() * f)))), jsonAuth()));
        Arbitrary<Hostile> invalidUtf8 = Combinators.combine(postEndpoint(), Arbitraries.of(
                        new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                        new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0x80}))
                .as((e, bad) -> post("invalid UTF-8", e[0], intoFirstValue(e[1], bad), jsonAuth()));
        Arbitrary<Hostile> controlChars = Combinators.combine(postEndpoint(), Arbitraries.integers().between(0, 31))
                .as((e, c) -> post("raw control character " + c, e[0], intoFirstValue(e[1], new byte[] {(byte) (int) c}), jsonAuth()));
        Arbitrary<Hostile> deep = Combinators.combine(postEndpoint(), Arbitraries.integers().between(1_001, 100_000), Arbitraries.of("[", "{\"a\":"))
                .as((e, depth, open) -> {
                    String close = open.equals("[") ? "]" : "}";
                    String nested = open.repeat(depth) + "1" + close.repeat(depth);
                    String body = e[1].substring(0, e[1].length() - 1) + ",\"zz_deep\":" + nested + "}";
                    return post("nesting depth " + depth, e[0], utf8(body), jsonAuth());
                });
        Arbitrary<Hostile> notAnObject = Combinators.combine(postEndpoint(), Arbitraries.of("[]", "[{}]", "1", "\"text\"", "null", "true", " ", "{}{}", "{} x"))
                .as((e, body) -> post("not an object", e[0], utf8(body), jsonAuth()));
        Arbitrary<Hostile> duplicate = postEndpoint().map(e -> {
            String body = e[1];
            String firstField = body.substring(1, body.indexOf(',') > 0 ? body.indexOf(',') : body.length() - 1);
            return post("duplicate field", e[0], utf8(body.substring(0, body.length() - 1) + "," + firstField + "}"), jsonAuth());
        });
        Arbitrary<Hostile> contentType = Combinators.combine(postEndpoint(),
                        Arbitraries.of("text/plain", "application/xml", "application/json; charset=latin1", "multipart/form-data; boundary=x",
                                "application/x-www-form-urlencoded", "application/jsonx", "*/*", "application/json; charset=utf-16"))
                .as((e, ct) -> {
                    Map<String, String> h = auth();
                    h.put("Content-Type", ct);
                    return post("content type " + ct, e[0], utf8(e[1]), h);
                });
        return Arbitraries.oneOf(unknownField, wrongType, truncated, invalidUtf8, controlChars, deep, notAnObject, duplicate, contentType);
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Provide
    Arbitrary<Hostile> hostileTargets() {
        List<String> itemRoutes = List.of("/api/v1/applications/%s", "/api/v1/env/secrets/%s", "/api/v1/env/variables/%s",
                "/api/v1/jobs/%s", "/api/v1/jobs/%s/checkpoints", "/api/v1/jobs/" + "%s" + "/checkpoints/stream",
                "/api/v1/jobs/JOB/checkpoints/%s", "/api/v1/experts/@local/%s", "/api/v1/experts/@local/writer@%s",
                "/api/v1/experts/@local/writer/drafts/%s", "/api/v1/experts/%s/writer/versions", "/api/v1/experts/@local/%s/meta");
        Arbitrary<String> hostileId = Arbitraries.oneOf(
                nasty().map(HostileInputTest::pathSegment),
                Arbitraries.of("%2e%2e%2f%2e%2e%2fadmin", "..%2F..%2F", "%00", "%ff%fe%fd", "%c0%ae%c0%ae", "%", "%zz", "%2", "a%00b",
                        "..;", "%5c..%5c", "x".repeat(10_000), "%E2%80%AE", "'%20OR%201=1--", "%27%3B%20DROP%20TABLE%20jobs%3B--"))
                // An empty segment, "." or ".." would name the list itself, a valid request.
                .filter(id -> !id.isEmpty() && !id.equals(".") && !id.equals(".."));
        Arbitrary<Hostile> items = Combinators.combine(Arbitraries.of(itemRoutes), hostileId, Arbitraries.of("GET", "DELETE", "POST"))
                .as((route, id, method) -> {
                    String path = route.replace("JOB", jobId).formatted(id);
                    byte[] body = method.equals("POST") ? utf8("{\"zz_unknown\":1}") : null;
                    return new Hostile("hostile id", RawHttp.request(method, path, method.equals("POST") ? jsonAuth() : auth(), body));
                });
        List<String> lists = List.of("/api/v1/applications", "/api/v1/jobs", "/api/v1/experts", "/api/v1/env/secrets",
                "/api/v1/env/variables", "/api/v1/jobs/" + jobId + "/checkpoints", "/api/v1/experts/@local/writer/drafts");
        Arbitrary<String> badQuery = Arbitraries.oneOf(
                Arbitraries.of("take=0", "take=101", "take=-1", "take=abc", "take=1e3", "take=99999999999999999999", "skip=-5",
                        "skip=x", "order=sideways", "sort=%27%3BDROP%20TABLE%20jobs", "take=1&take=2", "limit=0", "offset=-1",
                        "take=%00", "take=", "sort=", "order=", "%ff=1", "take=1%00"),
                nasty().map(s -> "zz" + pathSegment(s) + "=" + pathSegment(s)));
        Arbitrary<Hostile> queries = Combinators.combine(Arbitraries.of(lists), badQuery)
                .as((path, q) -> new Hostile("bad query", RawHttp.request("GET", path + "?" + q, auth(), null)));
        Arbitrary<Hostile> jobFilters = Arbitraries.oneOf(Arbitraries.of("status:bogus", "nofield:x", "status:", ":", "status:running:x"),
                        nasty().map(s -> "zz" + s + ":1"))
                .map(f -> new Hostile("bad job filter", RawHttp.request("GET", "/api/v1/jobs?filter=" + pathSegment(f), auth(), null)));
        Arbitrary<Hostile> routes = Combinators.combine(Arbitraries.of("GET", "PUT", "PATCH", "DELETE", "POST", "FOO", "PROPFIND"),
                        Arbitraries.of("/api/v1/nothing", "/api/v2/applications", "/api/v1/applications/x/y/z", "/api/v1/", "/api",
                                "/api/v1/applications", "/api/v1/jobs/" + jobId + "/checkpoints/stream", "/api/v1/env",
                                "/api/v1/experts/@local", "/api/v1/../../etc/passwd", "/api/v1/applications/%2e%2e/"))
                .filter((m, p) -> !(m.equals("GET") && (p.equals("/api/v1/applications") || p.contains("/stream")))
                        && !(m.equals("POST") && p.equals("/api/v1/applications")))
                .as((method, path) -> new Hostile("unknown route or method", RawHttp.request(method, path, auth(),
                        method.equals("GET") || method.equals("DELETE") ? null : utf8("{\"zz\":1}"))));
        return Arbitraries.oneOf(items, queries, jobFilters, routes);
    }

    @Provide
    Arbitrary<Hostile> hostileHeaders() {
        // Targets that fail whatever the headers do: unknown ids, so nothing changes even if a header passes.
        Arbitrary<String> target = Arbitraries.of("/api/v1/applications/doesnotexist000000000000", "/api/v1/jobs/nope",
                "/api/v1/env/secrets/NOPE_NOT_HERE", "/api/v1/experts/@local/nothing-here");
        Arbitrary<Hostile> oversized = Combinators.combine(target, Arbitraries.integers().between(9_000, 70_000))
                .as((t, size) -> {
                    Map<String, String> h = auth();
                    h.put("X-Padding", "p".repeat(size));
                    return new Hostile("header of " + size + " bytes", RawHttp.request("GET", t, h, null));
                });
        Arbitrary<Hostile> manyHeaders = Combinators.combine(target, Arbitraries.integers().between(200, 2_000))
                .as((t, n) -> {
                    Map<String, String> h = auth();
                    for (int i = 0; i < n; i++) {
                        h.put("X-Many-" + i, "value-" + i);
                    }
                    return new Hostile(n + " headers", RawHttp.request("GET", t, h, null));
                });
        Arbitrary<Hostile> controlInValue = Combinators.combine(target, Arbitraries.integers().between(0, 31).filter(c -> c != 9 && c != 10 && c != 13))
                .as((t, c) -> {
                    Map<String, String> h = auth();
                    h.put("X-Evil", "a" + (char) (int) c + "b");
                    return new Hostile("control character " + c + " in a header", RawHttp.request("GET", t, h, null));
                });
        Arbitrary<Hostile> badName = Combinators.combine(target, Arbitraries.of("X Bad", "X\u0000Y", "(X)", "X@Y", "é", "X\"Y", ""))
                .as((t, name) -> {
                    Map<String, String> h = auth();
                    h.put(name, "v");
                    return new Hostile("bad header name", RawHttp.request("GET", t, h, null));
                });
        Arbitrary<Hostile> badAuth = Combinators.combine(Arbitraries.of("/api/v1/applications", "/api/v1/jobs", "/api/v1/env/secrets",
                        "/api/v1/experts", "/api/v1/jobs/" + jobId + "/checkpoints/stream"),
                        Arbitraries.oneOf(nasty().map(s -> "Bearer " + s.replaceAll("[\\r\\n\\u0000]", "")),
                                Arbitraries.of("", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer psk_nope", "Token x",
                                        "Bearer " + apiKey.substring(0, apiKey.length() - 1), "Bearer " + apiKey + "x",
                                        "Bearer " + "k".repeat(600))),
                        Arbitraries.of("GET", "POST"))
                .as((t, a, method) -> {
                    Map<String, String> h = new LinkedHashMap<>();
                    if (!a.isEmpty()) {
                        h.put("Authorization", a);
                    }
                    h.put("Content-Type", "application/json");
                    return new Hostile("bad credentials", RawHttp.request(method, t.replace("/stream", method.equals("POST") ? "/x" : "/stream"),
                            h, method.equals("POST") ? utf8("{\"name\":\"never\"}") : null));
                });
        Arbitrary<Hostile> badIdempotencyKey = Combinators.combine(postEndpoint(),
                        Arbitraries.oneOf(Arbitraries.of("k".repeat(256), "é", "ключ", "\u007f", "a\u0001b"),
                                Arbitraries.strings().withCharRange('\u0080', '\u00ff').ofMinLength(1).ofMaxLength(20)))
                .as((e, key) -> {
                    Map<String, String> h = jsonAuth();
                    h.put("Idempotency-Key", key);
                    String body = e[1].substring(0, e[1].length() - 1) + ",\"zz_unknown\":1}";
                    return post("bad Idempotency-Key", e[0], body.getBytes(StandardCharsets.UTF_8), h);
                });
        return Arbitraries.oneOf(oversized, manyHeaders, controlInValue, badName, badAuth, badIdempotencyKey);
    }

    @Provide
    Arbitrary<Hostile> hostileNames() {
        // Path traversal, SQL and other hostile strings as names and values, in otherwise invalid bodies.
        List<String[]> creates = List.of(
                new String[] {"/api/v1/applications", "{\"name\":%s,\"zz\":1}"},
                new String[] {"/api/v1/env/secrets", "{\"name\":%s,\"value\":\"v\"}"},
                new String[] {"/api/v1/env/variables", "{\"name\":%s,\"value\":\"v\"}"},
                new String[] {"/api/v1/env/variables", "{\"name\":\"OK_NAME\",\"value\":%s,\"zz\":true}"},
                new String[] {"/api/v1/experts/@local/writer/drafts", "{\"applicationId\":%s,\"experts\":[]}"},
                new String[] {"/api/v1/experts/@local/writer/drafts/" + draftId + "/version", "{\"version\":%s,\"zz\":1}"},
                new String[] {"/api/v1/jobs", "{\"applicationId\":%s,\"expertKey\":\"@local/writer\",\"query\":\"q\",\"provider\":\"mock\"}"},
                new String[] {"/api/v1/jobs", "{\"applicationId\":\"" + "%s".replace("%s", "APP") + "\",\"expertKey\":%s,\"query\":\"q\",\"provider\":\"mock\"}"},
                new String[] {"/api/v1/jobs", "{\"applicationId\":\"APP\",\"expertKey\":\"@local/writer\",\"query\":\"q\",\"provider\":%s}"},
                new String[] {"/api/v1/jobs", "{\"applicationId\":\"APP\",\"expertKey\":\"@local/writer\",\"query\":%s,\"provider\":\"mock\",\"maxSteps\":0}"});
        return Combinators.combine(Arbitraries.of(creates), nasty().filter(s -> !s.isEmpty() && !s.matches("[A-Za-z_][A-Za-z0-9_]*")))
                .as((c, name) -> post("hostile name", c[0], utf8(c[1].replace("APP", appId).formatted(jsonString(name))), jsonAuth()));
    }

    @Provide
    Arbitrary<Hostile> hostileStreams() {
        Arbitrary<String> bogusId = Arbitraries.oneOf(
                Arbitraries.of("-1", "1.5", "abc", "", " ", "0x10", "1e3", "9".repeat(19), "12345678901234567890", "1;2", "١٢",
                        "+1", "1 2", "NaN", "null", "'; DROP TABLE checkpoints; --"),
                nasty().map(s -> s.replaceAll("[\\r\\n]", "")).filter(s -> !s.strip().matches("[0-9]{1,18}")));
        Arbitrary<Hostile> lastEventId = bogusId.map(id -> {
            Map<String, String> h = auth();
            h.put("Accept", "text/event-stream");
            h.put("Last-Event-ID", id);
            return new Hostile("bogus Last-Event-ID", RawHttp.request("GET", "/api/v1/jobs/" + jobId + "/checkpoints/stream", h, null));
        });
        Arbitrary<Hostile> unknownJob = nasty().map(s -> new Hostile("stream of an unknown job",
                RawHttp.request("GET", "/api/v1/jobs/" + pathSegment("zz" + s) + "/checkpoints/stream", auth(), null)));
        Arbitrary<Hostile> query = nasty().map(s -> new Hostile("stream with a query parameter",
                RawHttp.request("GET", "/api/v1/jobs/" + jobId + "/checkpoints/stream?" + pathSegment("zz" + s) + "=1", auth(), null)));
        return Arbitraries.oneOf(lastEventId, unknownJob, query);
    }

    @Provide
    Arbitrary<Hostile> oversizedBodies() {
        return Combinators.combine(postEndpoint(), Arbitraries.integers().between(1024 * 1024 + 1, 3 * 1024 * 1024))
                .as((e, size) -> {
                    String body = e[1].substring(0, e[1].length() - 1) + ",\"zz\":\"" + "b".repeat(size) + "\"}";
                    return post("body of " + size + " bytes to " + e[0], e[0], utf8(body), jsonAuth());
                });
    }
}
