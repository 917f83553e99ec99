package ai.perstack.client.sse;

import ai.perstack.client.ApiResult;
import ai.perstack.client.jobs.JobStatus;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointEventsTest {

    private static final String CHECKPOINT = "{\"id\":\"cp1\",\"jobId\":\"job1\",\"runId\":\"run1\",\"sequence\":1,"
            + "\"stepNumber\":1,\"status\":\"init\",\"expert\":{\"key\":\"main\",\"name\":\"Main\",\"version\":\"1.0.0\"},"
            + "\"activity\":{\"type\":\"query\",\"id\":\"a1\",\"expertKey\":\"main\",\"runId\":\"run1\",\"text\":\"hi\"},"
            + "\"usage\":{\"inputTokens\":1,\"outputTokens\":0,\"reasoningTokens\":0,\"cachedInputTokens\":0,\"totalTokens\":1},"
            + "\"startedAt\":\"2026-01-01T00:00:00Z\"}";

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void typesCheckpointDoneAndErrorEvents() {
        String text = "event: checkpoint\nid: 1\ndata: " + CHECKPOINT + "\n\n"
                + "event: other\ndata: ignored\n\n"
                + "event: error\ndata: {\"message\":\"boom\"}\n\n"
                + "event: done\ndata: {\"status\":\"completed\"}\n\n";
        try (Stream<CheckpointEvent> events = CheckpointEvents.parse(body(text))) {
            List<CheckpointEvent> list = events.toList();
            assertThat(list).extracting(CheckpointEvent::type).containsExactly("checkpoint", "error", "done");
            CheckpointEvent.Checkpoint first = (CheckpointEvent.Checkpoint) list.get(0);
            assertThat(first.data().sequence()).isEqualTo(1);
            assertThat(first.id()).isEqualTo("1");
            assertThat(((CheckpointEvent.Error) list.get(1)).message()).isEqualTo("boom");
            assertThat(((CheckpointEvent.Done) list.get(2)).status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void malformedCheckpointDataBecomesAnErrorEventNotAnException() {
        String text = "event: checkpoint\ndata: {\"id\":\"cp1\"}\n\n"
                + "event: checkpoint\ndata: not json\n\n"
                + "event: done\ndata: []\n\n";
        try (Stream<CheckpointEvent> events = CheckpointEvents.parse(body(text))) {
            List<CheckpointEvent> list = events.toList();
            assertThat(list).allMatch(e -> e instanceof CheckpointEvent.Error);
            assertThat(((CheckpointEvent.Error) list.get(0)).message()).contains("checkpoint.jobId is required");
            assertThat(((CheckpointEvent.Error) list.get(1)).message()).contains("not JSON");
        }
    }

    record Point(String id, long value) {
        static Point read(JsonNode node) {
            if (!node.path("id").isTextual() || !node.path("value").isIntegralNumber()) {
                throw new IllegalArgumentException("expected {id: string, value: integer}");
            }
            return new Point(node.get("id").textValue(), node.get("value").longValue());
        }
    }

    @Test
    void parseWithSchemaValidatesEachEventsData() {
        String text = "data: {\"id\":\"a\",\"value\":1}\n\n"
                + "data: {\"id\":\"b\",\"value\":\"x\"}\n\n"
                + "data: nope\n\n";
        try (Stream<ApiResult<Point>> events = SseEvents.parseWithSchema(body(text), Point::read)) {
            List<ApiResult<Point>> list = events.toList();
            assertThat(list.get(0).data()).isEqualTo(new Point("a", 1));
            assertThat(list.get(1).ok()).isFalse();
            assertThat(list.get(1).error().message()).contains("expected {id: string, value: integer}");
            assertThat(list.get(2).error().reason()).isEqualTo(java.util.Map.of("data", "must be JSON"));
        }
    }
}
