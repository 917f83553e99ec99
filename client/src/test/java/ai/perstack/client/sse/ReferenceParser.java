package ai.perstack.client.sse;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A deliberately naive reading of the WHATWG event-stream algorithm: decode the whole
 * stream to text first, then split lines and interpret fields with String operations. The
 * byte-level parser must agree with it on every input.
 */
final class ReferenceParser {

    private ReferenceParser() {
    }

    static Parsed parse(byte[] stream) {
        String text = Utf8.decode(stream, 0, stream.length);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<SseEvent> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        String type = "";
        String idBuffer = "";
        String lastEventId = "";
        OptionalLong retry = OptionalLong.empty();
        int pos = 0;
        while (true) {
            int cr = text.indexOf('\r', pos);
            int lf = text.indexOf('\n', pos);
            int eol = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
            if (eol < 0) {
                break; // an unterminated last line is discarded with the pending event
            }
            String line = text.substring(pos, eol);
            pos = eol + (text.startsWith("\r\n", eol) ? 2 : 1);
            if (line.isEmpty()) {
                lastEventId = idBuffer;
                if (data.length() == 0) {
                    type = "";
                    continue;
                }
                data.setLength(data.length() - 1);
                events.add(new SseEvent(type.isEmpty() ? "message" : type, data.toString(), lastEventId));
                data.setLength(0);
                type = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> type = value;
                case "data" -> data.append(value).append('\n');
                case "id" -> {
                    if (!value.contains("\u0000")) {
                        idBuffer = value;
                    }
                }
                case "retry" -> {
                    if (value.matches("[0-9]+")) {
                        retry = OptionalLong.of(saturatingParse(value));
                    }
                }
                default -> { }
            }
        }
        return new Parsed(events, lastEventId, retry);
    }

    private static long saturatingParse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooBig) {
            return Long.MAX_VALUE;
        }
    }
}
