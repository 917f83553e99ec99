package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.jobs.Job;
import ai.perstack.client.jobs.JobStatus;
import ai.perstack.client.jobs.StartJobInput;
import ai.perstack.server.providers.ProviderSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform started with the operator's provider settings calls the model server they name,
 * and only that one: an organization's {@code OPENAI_BASE_URL} variable moves nothing.
 */
class OperatorBaseUrlEndToEndTest {
    private static final String REPLY = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"%s\"}}],"
            + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}";

    @Test
    void theOpenAiProviderCallsTheOperatorsServerNotTheOrganizations() throws IOException, InterruptedException {
        List<String> operatorPaths = new CopyOnWriteArrayList<>();
        List<String> foreignPaths = new CopyOnWriteArrayList<>();
        HttpServer operator = model("from the operator's server", operatorPaths);
        HttpServer foreign = model("from the organization's server", foreignPaths);
        try (LocalPerstack local = LocalPerstack.start(ProviderSettings.defaults()
                .withOpenAiBaseUrl("http://127.0.0.1:" + operator.getAddress().getPort() + "/v1"))) {
            PerstackClient client = local.client();
            client.env().variables().create(CreateVariableInput.builder().name("OPENAI_BASE_URL")
                    .value("http://127.0.0.1:" + foreign.getAddress().getPort() + "/v1#").build()).orElseThrow();
            String applicationId = local.createApplication("operator route").id();
            local.publishExpert("@local/writer", "1.0.0", "writer.json", applicationId);
            Job job = client.jobs().start(StartJobInput.builder().applicationId(applicationId).expertKey("@local/writer")
                    .query("Hi").provider("openai").build()).orElseThrow().data().job();
            Job done = job;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (done.status() != JobStatus.COMPLETED && System.nanoTime() < deadline) {
                Thread.sleep(50);
                done = client.jobs().get(job.id()).orElseThrow().data().job();
            }
            assertThat(done.status()).as("%s", done).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.result()).contains("from the operator's server");
            assertThat(operatorPaths).containsExactly("/v1/chat/completions");
            assertThat(foreignPaths).isEmpty();
        } finally {
            operator.stop(0);
            foreign.stop(0);
        }
    }

    /** A model server on 127.0.0.1 that answers every call with {@code text} and records the paths. */
    private static HttpServer model(String text, List<String> paths) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = String.format(REPLY, text).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
