package ai.perstack.bench.client;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ApplicationResponse;
import ai.perstack.server.LocalPlatform;
import ai.perstack.server.PlatformConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code client.applications().get(id)} against the local platform on loopback, beside the
 * least a caller could write by hand for the same call: one {@code java.net.http} GET with the
 * same headers and Jackson reading the body into a tree. Same server, same JVM, one thread;
 * the report takes each iteration's median (p50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientCallBenchmark {

    private LocalPlatform platform;
    private PerstackClient client;
    private HttpClient http;
    private ObjectMapper mapper;
    private HttpRequest request;
    private String appId;
    private String apiKey;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("perstack-bench-client-");
        platform = LocalPlatform.start(PlatformConfig.builder().host("127.0.0.1").port(0).dataDir(dir).build());
        client = PerstackClient.create(ApiClientConfig.builder()
                .apiKey(platform.bootstrapApiKey()).baseUrl(platform.baseUrl()).build());
        appId = client.applications().create(CreateApplicationInput.builder().name("bench").build())
                .orElseThrow().data().application().id();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        mapper = new ObjectMapper();
        apiKey = platform.bootstrapApiKey();
        request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/applications/" + appId))
                .header("Authorization", "Bearer " + platform.bootstrapApiKey())
                .header("Accept", "application/json")
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        platform.close();
    }

    @Benchmark
    public ApiResult<ApplicationResponse> perstackClient() {
        ApiResult<ApplicationResponse> r = client.applications().get(appId);
        if (!r.ok()) {
            throw new IllegalStateException(r.error().message());
        }
        return r;
    }

    /**
     * The call as a user would write it by hand with {@code java.net.http} and Jackson: the request
     * built for this id (URI, key, accept), the body decoded into a typed record. The target's
     * baseline: the same work the client's call must do, without the client.
     */
    @Benchmark
    public Fetched handWrittenCall() throws IOException, InterruptedException {
        HttpRequest perCall = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/api/v1/applications/" + appId))
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .build();
        HttpResponse<byte[]> response = http.send(perCall, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return mapper.readValue(response.body(), Fetched.class);
    }

    /** {@code {"data":{"application":{...}}}} as a hand-written caller would map it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fetched(Data data) {
        /** The envelope's data. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Data(Application application) {
        }

        /** The fields of an application. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Application(String id, String name, String status, String createdAt, String updatedAt) {
        }
    }

    /**
     * Less than a call: one request built once and sent again and again, the body parsed into a
     * tree and nothing more. The floor of any client on this transport.
     */
    @Benchmark
    public JsonNode handWritten() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return mapper.readTree(response.body());
    }
}
