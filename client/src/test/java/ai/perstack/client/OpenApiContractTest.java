package ai.perstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code api/openapi.yaml}, the single source of truth of the wire contract: it must parse
 * without a single message and describe every operation of the contract the way the contract
 * demands.
 */
class OpenApiContractTest {

    private static final String PLATFORM_TAG = "platform";
    /** Local-platform extensions: documented like the contract, but not part of it. */
    private static final String LOCAL_WORKSPACE_TAG = "local-workspace";
    private static final Set<String> LOCAL_WORKSPACE_OPERATIONS = Set.of(
            "listWorkspaceFiles", "uploadWorkspaceFile", "downloadWorkspaceFile", "stageUpload", "getStagedUpload",
            "deleteStagedUpload");
    private static final String ERROR_SCHEMA_REF = "#/components/schemas/Error";
    private static final String STREAM_PATH = "/api/v1/jobs/{jobId}/checkpoints/stream";

    /** The 37 operations of the contract, one per call of the client. */
    private static final Set<String> CONTRACT_OPERATIONS = Set.of(
            "listApplications", "getApplication", "createApplication", "updateApplication",
            "deleteApplication",
            "listSecrets", "getSecret", "createSecret", "updateSecret", "deleteSecret",
            "listVariables", "getVariable", "createVariable", "updateVariable", "deleteVariable",
            "listJobs", "getJob", "startJob", "updateJob", "continueJob", "cancelJob",
            "listCheckpoints", "getCheckpoint", "streamCheckpoints",
            "listExperts", "getExpert", "getExpertMeta", "publishExpertScope",
            "unpublishExpertScope", "yankExpertVersion",
            "listExpertDrafts", "getExpertDraft", "createExpertDraft", "updateExpertDraft",
            "deleteExpertDraft", "assignExpertDraftVersion", "listExpertVersions");

    /** Operations that answer 201; every other one answers 200. */
    private static final Set<String> CREATE_OPERATIONS = Set.of(
            "createApplication", "createSecret", "createVariable", "startJob",
            "createExpertDraft", "assignExpertDraftVersion", "uploadWorkspaceFile", "stageUpload");

    private static Path specPath;
    private static SwaggerParseResult parseResult;
    private static OpenAPI openApi;
    private static List<Op> operations;

    /** One operation with where it lives. */
    private record Op(String path, PathItem.HttpMethod method, PathItem pathItem, Operation operation) {
        String id() {
            return operation.getOperationId();
        }

        boolean isPlatform() {
            return operation.getTags() != null && operation.getTags().contains(PLATFORM_TAG);
        }

        boolean isLocalExtension() {
            return operation.getTags() != null && operation.getTags().contains(LOCAL_WORKSPACE_TAG);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + id() + ")";
        }
    }

    @BeforeAll
    static void parse() throws Exception {
        specPath = locateSpec();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        parseResult = new OpenAPIV3Parser().readLocation(specPath.toUri().toString(), null, options);
        openApi = parseResult.getOpenAPI();
        operations = new ArrayList<>();
        if (openApi != null && openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, op) -> operations.add(new Op(path, method, item, op))));
        }
    }

    static Path locateSpec() {
        Path userDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path sibling = userDir.resolve("../api/openapi.yaml").normalize();
        if (Files.isRegularFile(sibling)) {
            return sibling;
        }
        for (Path dir = userDir; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("api/openapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("api/openapi.yaml not found from " + userDir);
    }

    @Test
    void parsesWithoutAnyMessage() {
        assertThat(parseResult).as("parse result of %s", specPath).isNotNull();
        assertThat(parseResult.getMessages()).as("parser messages for %s", specPath).isEmpty();
        assertThat(openApi).isNotNull();
        assertThat(openApi.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void hasExactlyTheContractOperationsOutsideThePlatformTag() {
        List<String> api = operations.stream().filter(op -> !op.isPlatform() && !op.isLocalExtension())
                .map(Op::id).toList();
        assertThat(api).hasSize(37);
        assertThat(new TreeSet<>(api)).isEqualTo(new TreeSet<>(CONTRACT_OPERATIONS));
        assertThat(operations.stream().filter(Op::isLocalExtension).map(Op::id).toList())
                .containsExactlyInAnyOrderElementsOf(LOCAL_WORKSPACE_OPERATIONS);
        assertThat(operations.stream().filter(op -> !op.isPlatform()).map(Op::path))
                .allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        Set<String> seen = new HashSet<>();
        for (Op op : operations) {
            assertThat(op.id()).as("operationId of %s %s", op.method(), op.path()).isNotBlank();
            assertThat(seen.add(op.id())).as("operationId %s is used twice", op.id()).isTrue();
        }
        assertThat(seen).hasSize(operations.size());
    }

    @Test
    void everyOperationHasAnExample() {
        // Shared error responses and shared parameters carry examples too; they do not count,
        // so each operation must show its own request or success response.
        for (Op op : operations) {
            boolean found = false;
            RequestBody body = resolve(op.operation().getRequestBody());
            if (body != null) {
                found = hasExample(body.getContent());
            }
            for (Map.Entry<String, ApiResponse> e : op.operation().getResponses().entrySet()) {
                if (e.getKey().startsWith("2")) {
                    found |= hasExample(resolve(e.getValue()).getContent());
                }
            }
            for (Parameter p : op.operation().getParameters() == null
                    ? List.<Parameter>of() : op.operation().getParameters()) {
                found |= p.get$ref() == null && (p.getExample() != null
                        || (p.getExamples() != null && !p.getExamples().isEmpty()));
            }
            assertThat(found).as("%s has no example of its own", op).isTrue();
        }
    }

    @Test
    void theStreamProducesServerSentEvents() {
        Op stream = operation("streamCheckpoints");
        assertThat(stream.path()).isEqualTo(STREAM_PATH);
        assertThat(stream.method()).isEqualTo(PathItem.HttpMethod.GET);
        ApiResponse ok = resolve(stream.operation().getResponses().get("200"));
        assertThat(ok).isNotNull();
        assertThat(ok.getContent()).containsOnlyKeys("text/event-stream");
        assertThat(hasExample(ok.getContent())).isTrue();
        assertThat(parameters(stream))
                .anySatisfy(p -> {
                    assertThat(p.getName()).isEqualTo("Last-Event-ID");
                    assertThat(p.getIn()).isEqualTo("header");
                });
        String example = String.valueOf(ok.getContent().get("text/event-stream").getExamples()
                .values().iterator().next().getValue());
        assertThat(example).contains("event: checkpoint\nid: 1\ndata: {", "event: done\ndata: {\"status\":");
    }

    @Test
    void everyErrorResponseUsesTheErrorSchema() {
        for (Op op : operations) {
            for (Map.Entry<String, ApiResponse> e : op.operation().getResponses().entrySet()) {
                String code = e.getKey();
                if (!(code.startsWith("4") || code.startsWith("5") || code.equals("default"))) {
                    continue;
                }
                ApiResponse response = resolve(e.getValue());
                assertThat(response).as("%s %s", op, code).isNotNull();
                assertThat(response.getContent()).as("%s %s content", op, code)
                        .isNotNull().containsOnlyKeys("application/json");
                Schema<?> schema = response.getContent().get("application/json").getSchema();
                assertThat(schema).as("%s %s schema", op, code).isNotNull();
                assertThat(schema.get$ref()).as("%s %s schema", op, code).isEqualTo(ERROR_SCHEMA_REF);
            }
        }
        assertThat(openApi.getComponents().getSchemas()).containsKey("Error");
        assertThat(openApi.getComponents().getSchemas().get("Error").getRequired())
                .containsExactlyInAnyOrder("code", "error", "reason");
    }

    @Test
    void everyPostDeclaresTheIdempotencyKeyHeader() {
        List<Op> posts = operations.stream().filter(op -> op.method() == PathItem.HttpMethod.POST).toList();
        assertThat(posts).hasSize(18); // 16 of the contract, uploadWorkspaceFile and stageUpload
        for (Op op : posts) {
            assertThat(parameters(op)).as("parameters of %s", op)
                    .anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("Idempotency-Key");
                        assertThat(p.getIn()).isEqualTo("header");
                    });
        }
    }

    @Test
    void successStatusesFollowTheContract() {
        for (Op op : operations) {
            Set<String> success = new TreeSet<>();
            op.operation().getResponses().keySet().stream().filter(c -> c.startsWith("2")).forEach(success::add);
            String expected = CREATE_OPERATIONS.contains(op.id()) ? "201" : "200";
            assertThat(success).as("success statuses of %s", op).containsExactly(expected);
        }
    }

    @Test
    void apiOperationsDeclareTheCommonErrors() {
        for (Op op : operations) {
            if (op.isPlatform()) {
                continue;
            }
            Set<String> codes = op.operation().getResponses().keySet();
            assertThat(codes).as("error statuses of %s", op).contains("401", "429", "500");
            if (op.operation().getRequestBody() != null) {
                assertThat(codes).as("error statuses of %s", op).contains("400", "413", "415");
            }
            if (op.method() == PathItem.HttpMethod.POST) {
                assertThat(codes).as("a reused Idempotency-Key is a 409 on %s", op).contains("409");
            }
        }
    }

    @Test
    void requestBodiesRejectUnknownFields() {
        for (Op op : operations) {
            RequestBody body = resolve(op.operation().getRequestBody());
            if (body == null) {
                continue;
            }
            MediaType json = body.getContent().get("application/json");
            if (json == null) { // a raw upload: bytes, no fields
                assertThat(body.getContent()).as("raw body of %s", op).containsOnlyKeys("application/octet-stream");
                assertThat(body.getContent().get("application/octet-stream").getSchema().getFormat()).isEqualTo("binary");
                continue;
            }
            Schema<?> target = resolve(json.getSchema());
            assertThat(isFalseSchema(target.getAdditionalProperties()))
                    .as("additionalProperties of the body of %s is false", op).isTrue();
        }
    }

    @Test
    void securityIsGlobalBearerExceptForThePlatform() {
        assertThat(openApi.getComponents().getSecuritySchemes()).containsKey("bearerAuth");
        assertThat(openApi.getComponents().getSecuritySchemes().get("bearerAuth").getScheme()).isEqualTo("bearer");
        assertThat(openApi.getSecurity()).extracting(SecurityRequirement::keySet)
                .containsExactly(Set.of("bearerAuth"));
        for (Op op : operations) {
            if (op.isPlatform()) {
                assertThat(op.operation().getSecurity()).as("security of %s", op).isEmpty();
            } else {
                assertThat(op.operation().getSecurity()).as("security of %s", op).isNull();
            }
        }
        assertThat(operation("getHealth").path()).isEqualTo("/health");
    }

    // ------------------------------------------------------------------ helpers

    private static Op operation(String id) {
        return operations.stream().filter(op -> id.equals(op.id())).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + id));
    }

    /** Path-item and operation parameters, with references followed; the operation's win. */
    private static List<Parameter> parameters(Op op) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        List<Parameter> declared = new ArrayList<>();
        if (op.pathItem().getParameters() != null) {
            declared.addAll(op.pathItem().getParameters());
        }
        if (op.operation().getParameters() != null) {
            declared.addAll(op.operation().getParameters());
        }
        for (Parameter p : declared) {
            Parameter resolved = resolve(p);
            byKey.put(resolved.getIn() + ":" + resolved.getName(), resolved);
        }
        return new ArrayList<>(byKey.values());
    }

    /** {@code additionalProperties: false} parses as a boolean or, in 3.1, as the schema {@code false}. */
    private static boolean isFalseSchema(Object additionalProperties) {
        if (additionalProperties instanceof Boolean b) {
            return !b;
        }
        return additionalProperties instanceof Schema<?> s && Boolean.FALSE.equals(s.getBooleanSchemaValue());
    }

    private static boolean hasExample(Content content) {
        if (content == null) {
            return false;
        }
        for (MediaType media : content.values()) {
            if (media.getExample() != null || (media.getExamples() != null && !media.getExamples().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static String componentName(String ref, String kind) {
        String prefix = "#/components/" + kind + "/";
        assertThat(ref).as("reference").startsWith(prefix);
        return ref.substring(prefix.length());
    }

    private static Parameter resolve(Parameter p) {
        return p.get$ref() == null ? p
                : openApi.getComponents().getParameters().get(componentName(p.get$ref(), "parameters"));
    }

    private static ApiResponse resolve(ApiResponse r) {
        return r == null || r.get$ref() == null ? r
                : openApi.getComponents().getResponses().get(componentName(r.get$ref(), "responses"));
    }

    private static RequestBody resolve(RequestBody b) {
        return b == null || b.get$ref() == null ? b
                : openApi.getComponents().getRequestBodies().get(componentName(b.get$ref(), "requestBodies"));
    }

    private static Schema<?> resolve(Schema<?> s) {
        return s == null || s.get$ref() == null ? s
                : openApi.getComponents().getSchemas().get(componentName(s.get$ref(), "schemas"));
    }
}
