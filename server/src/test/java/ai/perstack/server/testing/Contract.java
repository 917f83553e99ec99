package ai.perstack.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates every response the tests receive against {@code api/openapi.yaml}: the operation
 * (path template and method) must document the status, and the body must match that
 * response's schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Responses of unknown
 * routes and methods must match the {@code Error} schema. A violation fails the test at once.
 */
public final class Contract {
    private static final String DOCUMENT = "https://contract.perstack.test/openapi.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode SPEC;
    private static final SchemaRegistry SCHEMAS;
    private static final List<Route> ROUTES = new ArrayList<>();
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private record Route(String template, Pattern pattern) {
    }

    static {
        try {
            String text = Files.readString(Path.of("..", "api", "openapi.yaml"));
            SPEC = YAML.readTree(text);
            SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemas(Map.of(DOCUMENT, text)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read api/openapi.yaml", e);
        }
        for (Iterator<String> it = SPEC.get("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
            ROUTES.add(new Route(template, Pattern.compile(regex)));
        }
        // literal segments win over parameters (e.g. /checkpoints/stream over /checkpoints/{id})
        ROUTES.sort((a, b) -> Long.compare(b.template().chars().filter(c -> c == '{').count() * -1,
                a.template().chars().filter(c -> c == '{').count() * -1));
    }

    private Contract() {
    }

    static void check(Res res) {
        List<String> problems = violations(res);
        if (!problems.isEmpty()) {
            throw new AssertionError("response violates api/openapi.yaml: " + res + "\n  " + String.join("\n  ", problems));
        }
    }

    /** The ways a response breaks the contract (empty when it conforms). */
    public static List<String> violations(Res res) {
        List<String> problems = new ArrayList<>();
        if (res.header("Request-Id") == null) {
            problems.add("no Request-Id header");
        }
        String path = res.path().split("\\?", 2)[0];
        String template = ROUTES.stream().filter(r -> r.pattern().matcher(path).matches()).map(Route::template)
                .findFirst().orElse(null);
        JsonNode operation = template == null ? null : SPEC.get("paths").get(template).get(res.method().toLowerCase(Locale.ROOT));
        String pointer;
        if (operation == null) {
            if (res.status() != 404 && res.status() != 405) {
                problems.add("undocumented route answered " + res.status());
            }
            pointer = "#/components/schemas/Error";
        } else {
            JsonNode responses = operation.get("responses");
            String status = Integer.toString(res.status());
            if (!responses.has(status)) {
                problems.add("status " + status + " is not documented for " + res.method() + " " + template);
                return problems;
            }
            JsonNode response = responses.get(status);
            String base = "#/paths/" + escape(template) + "/" + res.method().toLowerCase(Locale.ROOT) + "/responses/" + status;
            if (response.has("$ref")) {
                base = response.get("$ref").asText();
                response = resolve(base);
            }
            JsonNode content = response.get("content");
            if (content == null) {
                return problems;
            }
            String type = content.fieldNames().next();
            String actual = res.header("Content-Type");
            if (actual == null || !actual.startsWith(type)) {
                problems.add("Content-Type " + actual + " is not " + type);
            }
            if (!type.equals("application/json")) {
                return problems;
            }
            pointer = base + "/content/" + escape(type) + "/schema";
        }
        Schema schema = CACHE.computeIfAbsent(pointer, p -> SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT + p)));
        for (Error error : schema.validate(res.text(), InputFormat.JSON)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    private static JsonNode resolve(String ref) {
        JsonNode node = SPEC;
        for (String part : ref.substring(2).split("/")) {
            node = node.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
