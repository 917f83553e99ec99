package ai.perstack.client.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** What a parser produced from one whole stream: its events and its final state. */
record Parsed(List<SseEvent> events, String lastEventId, OptionalLong retry) {

    /** Feeds {@code text} as UTF-8 in one chunk, then finishes. */
    static Parsed whole(String text) {
        return chunked(text.getBytes(StandardCharsets.UTF_8), new int[0]);
    }

    /** Feeds {@code bytes} in one chunk, then finishes. */
    static Parsed whole(byte[] bytes) {
        return chunked(bytes, new int[0]);
    }

    /** Feeds {@code bytes} split at the given ascending offsets, then finishes. */
    static Parsed chunked(byte[] bytes, int[] splits) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        int start = 0;
        for (int split : splits) {
            parser.feed(bytes, start, split - start);
            start = split;
        }
        parser.feed(bytes, start, bytes.length - start);
        parser.finish();
        return new Parsed(events, parser.lastEventId(), parser.reconnectionTime());
    }

    /** Feeds {@code bytes} one byte per call, then finishes. */
    static Parsed byteByByte(byte[] bytes) {
        int[] splits = new int[Math.max(0, bytes.length - 1)];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = i + 1;
        }
        return chunked(bytes, splits);
    }
}
