package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perstack run} on its in-process platform calls the model where the user's
 * {@code OPENAI_BASE_URL} points, as {@code serve} does: here an OpenAI-compatible server on
 * 127.0.0.1 (real HTTP) that answers in text, so no key is needed.
 */
class RunProviderBaseUrlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theInProcessPlatformsOpenAiProviderCallsWhereOpenAiBaseUrlPoints(@TempDir Path dir) throws IOException {
        List<JsonNode> requests = new CopyOnWriteArrayList<>();
        HttpServer model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        model.createContext("/v1/chat/completions", exchange -> {
            requests.add(JSON.readTree(exchange.getRequestBody()));
            byte[] body = ("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"llama3.2\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"Four.\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":2,\"total_tokens\":14}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        model.start();
        try {
            Path file = dir.resolve("perstack.toml");
            Files.writeString(file, String.join("\n", "model = \"llama3.2\"", "reasoningBudget = \"none\"",
                    "[provider]", "providerName = \"openai\"",
                    "[experts.\"answerer\"]", "instruction = \"Answer in one word.\"", ""));
            String baseUrl = "http://127.0.0.1:" + model.getAddress().getPort() + "/v1";
            Cli.Result r = new Cli(Map.of("OPENAI_BASE_URL", baseUrl)).run("run", "--config", file.toString(), "answerer",
                    "What is 2 + 2?");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Status       completed", "Four.");
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).path("model").asText()).isEqualTo("llama3.2");
        } finally {
            model.stop(0);
        }
    }
}
