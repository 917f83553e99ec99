package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The console's server-sent-events parser, run in the browser: however the bytes of a stream
 * are cut into chunks by the network, it yields the same events.
 */
class SseParserTest extends ConsoleTestBase {
    /** Every line ending, comments, multi-line data, a field without a value, an id without an event. */
    private static final String STREAM = ": ping\r\n\r\n"
            + "event: checkpoint\nid: 1\ndata: {\"sequence\":1,\"text\":\"a: b\"}\n\n"
            + "event: checkpoint\r\nid: 2\r\ndata: {\"sequence\":2}\r\n\r\n"
            + "event: checkpoint\rid: 3\rdata:{\"sequence\":3}\r\r"
            + ": ping\n\n"
            + "data: line one\ndata: line two\ndata\n\n"
            + "event: done\ndata: {\"status\":\"completed\"}\n\n"
            + "event: ignored-without-data\n\n";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(List<List<String>> chunkings) {
        openSignedIn("/");
        return (List<Map<String, Object>>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/js/stream.js').then(({ SseParser }) => {
                  done(arguments[0].map(chunks => {
                    const p = new SseParser();
                    const events = chunks.flatMap(c => p.feed(c));
                    return { json: JSON.stringify(events) };
                  }));
                }, e => done([{ json: 'failed ' + e }]));
                """, chunkings);
    }

    @Test
    void anyChunkingOfAStreamGivesTheSameEvents() {
        Random random = new Random(20261201);
        List<List<String>> chunkings = new ArrayList<>();
        chunkings.add(List.of(STREAM));
        chunkings.add(STREAM.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        for (int i = 0; i < 300; i++) {
            List<String> chunks = new ArrayList<>();
            int at = 0;
            while (at < STREAM.length()) {
                int next = Math.min(STREAM.length(), at + 1 + random.nextInt(12));
                chunks.add(STREAM.substring(at, next));
                at = next;
            }
            chunkings.add(chunks);
        }
        List<Map<String, Object>> results = parse(chunkings);
        String whole = (String) results.get(0).get("json");
        assertThat(whole).isEqualTo("["
                + "{\"type\":\"checkpoint\",\"data\":\"{\\\"sequence\\\":1,\\\"text\\\":\\\"a: b\\\"}\",\"id\":\"1\"},"
                + "{\"type\":\"checkpoint\",\"data\":\"{\\\"sequence\\\":2}\",\"id\":\"2\"},"
                + "{\"type\":\"checkpoint\",\"data\":\"{\\\"sequence\\\":3}\",\"id\":\"3\"},"
                + "{\"type\":\"message\",\"data\":\"line one\\nline two\\n\",\"id\":null},"
                + "{\"type\":\"done\",\"data\":\"{\\\"status\\\":\\\"completed\\\"}\",\"id\":null}]");
        assertThat(results).extracting(r -> r.get("json")).allSatisfy(json -> assertThat(json).isEqualTo(whole));
    }
}
