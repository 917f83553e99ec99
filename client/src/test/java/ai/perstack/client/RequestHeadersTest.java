package ai.perstack.client;

import ai.perstack.client.support.RecordingServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHeadersTest {
    private static final String LIST = "{\"data\":{\"secrets\":[]},\"meta\":{\"total\":0}}";

    @Test
    void callerHeadersReplaceTheDefaultsInsteadOfJoiningThem() throws Exception {
        try (RecordingServer server = RecordingServer.start();
             PerstackClient client = PerstackClient.builder().apiKey("k").baseUrl(server.baseUrl()).maxRetries(0).build()) {
            server.enqueue(RecordingServer.Reply.json(200, LIST));
            client.env().secrets().list(RequestOptions.builder()
                    .header("User-Agent", "my-app/1.0").header("accept", "application/json").header("X-Trace", "t1").build())
                    .orElseThrow();
            Map<String, List<String>> headers = server.onlyRequest().headers();
            assertThat(values(headers, "User-Agent")).containsExactly("my-app/1.0");
            assertThat(values(headers, "Accept")).containsExactly("application/json");
            assertThat(values(headers, "X-Trace")).containsExactly("t1");
        }
    }

    @Test
    void nullsInsideReasonArraysStayNull() throws Exception {
        try (RecordingServer server = RecordingServer.start();
             PerstackClient client = PerstackClient.builder().apiKey("k").baseUrl(server.baseUrl()).maxRetries(0).build()) {
            server.enqueue(RecordingServer.Reply.json(400, "{\"code\":400,\"error\":\"Bad Request\",\"reason\":{\"items\":[1,null]}}"));
            Object reason = client.env().secrets().list().error().reason();
            assertThat(((Map<?, ?>) reason).get("items")).isEqualTo(java.util.Arrays.asList(1L, null));
        }
    }

    private static List<String> values(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}
