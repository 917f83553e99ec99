package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.perstack.testkit.LocalPerstack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the server serves the console, over plain HTTP: no browser needed. */
class ConsoleServingTest {
    private static final Path ASSETS = Path.of("../server/src/main/resources/console");
    private static LocalPerstack perstack;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        perstack = LocalPerstack.start();
    }

    @AfterAll
    static void stop() {
        perstack.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(perstack.baseUrl() + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleIsServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).matches("text/html; ?charset=utf-8"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "http:", "*");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");

        HttpResponse<String> script = get("/console/js/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).matches("text/javascript; ?charset=utf-8"));
        assertThat(script.headers().firstValue("Content-Security-Policy")).hasValue(csp);
    }

    @Test
    void theRootAndTheBarePathRedirectToTheConsole() throws Exception {
        for (String path : List.of("/", "/console")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/console/");
        }
    }

    @Test
    void anUnchangedFileIsRevalidatedWithItsEtag() throws Exception {
        HttpResponse<String> first = get("/console/console.css");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<String> again = get("/console/console.css", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void onlyConsoleFilesAreServedAndEverythingElseIsAJson404() throws Exception {
        for (String path : List.of("/console/nope.js", "/console/../openapi.yaml", "/console/%2e%2e/openapi.yaml",
                "/console/js/../../logback.xml", "/console/index.HTML", "/console/ai/perstack/server/version.properties",
                "/console/js/app.js.map")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
        }
    }

    @Test
    void theApiIsUnchangedBesideTheConsole() throws Exception {
        HttpResponse<String> r = get("/api/v1/applications");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    /** The rule that keeps API text from becoming markup, checked on every script file. */
    @Test
    void noScriptWritesHtmlOrEvaluatesStrings() throws IOException {
        Pattern forbidden = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function"
                + "|setAttribute\\(\\s*['\"]on|\\.on[a-z]+\\s*=|srcdoc|createContextualFragment|DOMParser");
        try (Stream<Path> files = Files.walk(ASSETS)) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".js")).toList();
            assertThat(scripts).hasSizeGreaterThan(5);
            for (Path script : scripts) {
                String text = Files.readString(script);
                assertThat(forbidden.matcher(text).find()).as(script + " uses a markup or eval sink").isFalse();
            }
        }
        String html = Files.readString(ASSETS.resolve("index.html"));
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find()).as("inline script").isFalse();
        assertThat(Pattern.compile("\\son[a-z]+=").matcher(html).find()).as("inline handler").isFalse();
        assertThat(html).doesNotContain("style=", "http://", "https://");
    }
}
