package ai.perstack.client.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A push parser for {@code text/event-stream} bodies, following the WHATWG
 * <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation">event-stream
 * interpretation</a> rules to the letter.
 *
 * <p>Bytes may be fed in any chunking: a line ending, a CRLF pair or a multi-byte UTF-8
 * character may be split across calls. Each event is handed to the listener as soon as its
 * terminating blank line has been read. Time is linear in the input and memory holds no
 * more than the current line and the current event.
 *
 * <p>Not thread-safe: use one parser per stream, fed from one thread at a time. An
 * exception thrown by the listener propagates out of {@link #feed}; the bytes of that
 * chunk after the event are then not parsed.
 */
public final class SseParser {

    private static final int INITIAL_CAPACITY = 256;
    /** Buffers that grew past this for one huge line or event are dropped afterwards, so one
     *  big event does not pin its memory for the rest of a long stream. */
    private static final int RETAINED_CAPACITY = 64 * 1024;

    private static final int SCRATCH_SIZE = 8192;

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte COLON = ':';
    private static final byte SPACE = ' ';
    private static final byte[] DATA = ascii("data");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] ID = ascii("id");
    private static final byte[] RETRY = ascii("retry");
    private static final byte[] DATA_PREFIX = ascii("data:");


    private final Consumer<SseEvent> listener;

    /** Bytes of a line not yet terminated at the end of the previous chunk. */
    private byte[] line = new byte[INITIAL_CAPACITY];
    private int lineLength;
    /** The line being read is a data line whose value is going straight to the data buffer. */
    private boolean inDataValue;
    /** The previous chunk ended with CR, so an LF opening the next one belongs to it. */
    private boolean afterCr;
    /** No line has been completed yet, so a leading BOM is still to be skipped. */
    private boolean atStreamStart = true;

    /** The data buffer as UTF-8 bytes, each data line followed by LF; decoded once at dispatch. */
    private final DataBuffer data = new DataBuffer();
    /** The event type buffer; null stands for empty. */
    private String eventType;
    /** The last event ID buffer: set by {@code id} fields, committed at each blank line. */
    private String idBuffer = "";
    private String lastEventId = "";
    private long reconnectionTime = -1;

    /** Cache of the last decoded event type: streams repeat a handful of types. */
    private byte[] cachedTypeBytes = new byte[0];
    private String cachedType = "";
    /** Staging for buffers without an accessible array; allocated on first need. */
    private byte[] scratch;

    /**
     * Creates a parser that hands each dispatched event to {@code listener}.
     *
     * @param listener receives events in stream order, on the thread that calls {@link #feed}
     */
    public SseParser(Consumer<SseEvent> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Parses {@code length} bytes of {@code bytes} starting at {@code offset}, dispatching
     * every event they complete. The array is not retained.
     *
     * @param bytes  the stream bytes
     * @param offset index of the first byte to parse
     * @param length number of bytes to parse
     * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        int end = offset + length;
        int i = offset;
        if (afterCr && i < end) {
            afterCr = false;
            if (bytes[i] == LF) {
                i++;
            }
        }
        while (i < end) {
            int eol = SseBytes.lineEnd(bytes, i, end);
            if (eol == end) {
                appendPartialLine(bytes, i, end);
                return;
            }
            endLine(bytes, i, eol);
            i = eol + 1;
            if (bytes[eol] == CR) {
                if (i == end) {
                    afterCr = true;
                } else if (bytes[i] == LF) {
                    i++;
                }
            }
        }
    }

    /**
     * Parses the remaining bytes of {@code buffer}, leaving its position at its limit.
     *
     * @param buffer the stream bytes; read-only and direct buffers are accepted
     */
    public void feed(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            return;
        }
        // Read-only or direct: copy through a small scratch array rather than scan per byte.
        if (scratch == null) {
            scratch = new byte[SCRATCH_SIZE];
        }
        while (buffer.hasRemaining()) {
            int n = Math.min(scratch.length, buffer.remaining());
            buffer.get(scratch, 0, n);
            feed(scratch, 0, n);
        }
    }

    /**
     * Signals the end of the stream. An event not terminated by a blank line is dropped, as
     * WHATWG specifies, and an {@code id} seen in it is not committed. The parser may then
     * be fed a new stream, as after {@link #reset()}.
     */
    public void finish() {
        reset();
    }

    /**
     * Returns the last event ID: the value of the latest {@code id} field of a completed
     * event block. This is what a reconnect sends as {@code Last-Event-ID}.
     *
     * @return the last event ID, {@code ""} if none has been set or it was reset by an empty {@code id}
     */
    public String lastEventId() {
        return lastEventId;
    }

    /**
     * Returns the reconnection time from the latest valid {@code retry} field.
     *
     * @return the time in milliseconds (saturated at {@link Long#MAX_VALUE}), empty if no
     *         valid {@code retry} field has been seen
     */
    public OptionalLong reconnectionTime() {
        return reconnectionTime < 0 ? OptionalLong.empty() : OptionalLong.of(reconnectionTime);
    }

    /**
     * Forgets the partial line and the partial event, to start on a new stream after a
     * reconnect. The last event ID and the reconnection time are kept; a byte order mark at
     * the start of the new stream is skipped again.
     */
    public void reset() {
        lineLength = 0;
        afterCr = false;
        inDataValue = false;
        atStreamStart = true;
        data.clear();
        eventType = null;
        idBuffer = lastEventId;
        line = shrunk(line);
    }

    private void endLine(byte[] bytes, int start, int end) {
        if (inDataValue) {
            inDataValue = false;
            appendData(bytes, start, end);
            return;
        }
        if (lineLength == 0) {
            // The whole line is in this chunk: parse it in place, no copy.
            processLine(bytes, start, end);
            return;
        }
        appendToLine(bytes, start, end);
        int length = lineLength;
        lineLength = 0;
        processLine(line, 0, length);
        line = shrunk(line);
    }

    /**
     * Keeps the start of a line that the chunk ends inside. Once it is known to be a
     * {@code data} line and its value has begun, the value goes straight to the data buffer,
     * so a long data line is copied once rather than into the line buffer first.
     */
    private void appendPartialLine(byte[] bytes, int start, int end) {
        if (inDataValue) {
            appendToData(bytes, start, end);
            return;
        }
        appendToLine(bytes, start, end);
        // The first line of a stream may open with a BOM: leave it to processLine.
        if (!atStreamStart && lineLength > DATA_PREFIX.length
                && Arrays.equals(line, 0, DATA_PREFIX.length, DATA_PREFIX, 0, DATA_PREFIX.length)) {
            int valueStart = line[DATA_PREFIX.length] == SPACE ? DATA_PREFIX.length + 1 : DATA_PREFIX.length;
            appendToData(line, valueStart, lineLength);
            lineLength = 0;
            line = shrunk(line);
            inDataValue = true;
        }
    }

    private void appendToLine(byte[] bytes, int start, int end) {
        int n = end - start;
        line = SseBytes.ensureCapacity(line, lineLength + n);
        System.arraycopy(bytes, start, line, lineLength, n);
        lineLength += n;
    }

    private void appendToData(byte[] bytes, int start, int end) {
        data.append(bytes, start, end);
    }

    /** Appends the rest of a data line's value and the LF that ends it in the data buffer. */
    private void appendData(byte[] bytes, int start, int end) {
        data.append(bytes, start, end);
        data.append(LF);
    }

    private void processLine(byte[] buf, int start, int end) {
        if (atStreamStart) {
            atStreamStart = false;
            if (end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
                    && buf[start + 2] == (byte) 0xBF) {
                start += 3;
            }
        }
        if (start == end) {
            dispatch();
            return;
        }
        if (buf[start] == COLON) {
            return;
        }
        // ':' is ASCII and never part of a multi-byte sequence, so splitting bytes before
        // decoding gives the same field and value as decoding first.
        int colon = start;
        while (colon < end && buf[colon] != COLON) {
            colon++;
        }
        int valueStart = colon;
        if (colon < end) {
            valueStart = colon + 1;
            if (valueStart < end && buf[valueStart] == SPACE) {
                valueStart++;
            }
        }
        processField(buf, start, colon, valueStart, end);
    }

    private void processField(byte[] buf, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (nameIs(DATA, buf, nameStart, nameEnd)) {
            appendData(buf, valueStart, valueEnd);
        } else if (nameIs(EVENT, buf, nameStart, nameEnd)) {
            eventType = valueStart == valueEnd ? null : decodeType(buf, valueStart, valueEnd);
        } else if (nameIs(ID, buf, nameStart, nameEnd)) {
            for (int i = valueStart; i < valueEnd; i++) {
                if (buf[i] == 0) {
                    return; // U+0000 is only ever encoded as the byte 0x00
                }
            }
            idBuffer = decode(buf, valueStart, valueEnd);
        } else if (nameIs(RETRY, buf, nameStart, nameEnd)) {
            setRetry(buf, valueStart, valueEnd);
        }
    }

    private void setRetry(byte[] buf, int start, int end) {
        // An empty value is no integer, so it is ignored like any other non-digit value.
        if (start == end) {
            return;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                return;
            }
            value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
        }
        reconnectionTime = value;
    }

    private void dispatch() {
        lastEventId = idBuffer;
        if (data.isEmpty()) {
            eventType = null;
            return;
        }
        // The buffer always ends with the LF appended after the last data line: drop it.
        String text = data.takeAllButLast();
        String type = eventType == null ? "message" : eventType;
        eventType = null;
        listener.accept(new SseEvent(type, text, lastEventId));
    }

    private String decodeType(byte[] buf, int start, int end) {
        if (!SseBytes.sameBytes(buf, start, end, cachedTypeBytes, cachedTypeBytes.length)) {
            cachedTypeBytes = Arrays.copyOfRange(buf, start, end);
            cachedType = decode(buf, start, end);
        }
        return cachedType;
    }

    private static boolean nameIs(byte[] name, byte[] buf, int start, int end) {
        return SseBytes.sameBytes(buf, start, end, name, name.length);
    }

    private static String decode(byte[] buf, int start, int end) {
        return Utf8.decode(buf, start, end - start);
    }

    private static byte[] shrunk(byte[] buf) {
        return buf.length > RETAINED_CAPACITY ? new byte[INITIAL_CAPACITY] : buf;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
