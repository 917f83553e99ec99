package ai.perstack.client.sse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data buffer of the event being parsed: its data lines as UTF-8 bytes, each followed by
 * LF, decoded once when the event is dispatched.
 *
 * <p>Up to {@link #CHUNK} bytes live in one array grown by doubling, the common case. Past that,
 * further bytes go to fixed {@code CHUNK}-sized arrays, joined once into an array of the exact
 * size at dispatch. Why: doubling one array up to a multi-megabyte event allocated about three
 * times the event's size in arrays above G1's humongous threshold (each one its own regions,
 * each forcing concurrent marking sooner) and copied each byte about twice; JFR on the 5 MB
 * corpus showed the parser spending more time in {@code Arrays.copyOf} and in GC than in its
 * scan. With chunks a huge event costs one humongous array of its size (besides the
 * {@code String}) and every byte is copied twice in all. ({@code ./bench/run sse}, the
 * {@code one-5mb} and {@code events-500k} rows.)
 */
final class DataBuffer {
    static final int INITIAL = 256;
    /** Size of the head's largest form and of every further chunk; also what stays allocated between events. */
    static final int CHUNK = 64 * 1024;

    private byte[] head = new byte[INITIAL];
    private int headLength;
    /** Full chunks after the head; null while the event fits the head. */
    private List<byte[]> full;
    /** The chunk being filled after the full ones. */
    private byte[] tail;
    private int tailLength;
    /** Bytes held in all; a long so that overflow past 2 GiB is caught rather than wrapped. */
    private long length;
    /** For {@link #append(byte)} when the byte does not fit the head. */
    private final byte[] one = new byte[1];

    boolean isEmpty() {
        return length == 0;
    }

    void append(byte[] bytes, int start, int end) {
        int n = end - start;
        if (length + n > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("Server-sent event data larger than 2 GiB");
        }
        length += n;
        if (full == null) {
            int room = CHUNK - headLength;
            int toHead = Math.min(room, n);
            if (headLength + toHead > head.length) {
                head = Arrays.copyOf(head, Math.min(CHUNK, Math.max(head.length * 2, headLength + toHead)));
            }
            System.arraycopy(bytes, start, head, headLength, toHead);
            headLength += toHead;
            if (toHead == n) {
                return;
            }
            start += toHead;
            full = new ArrayList<>();
            tail = new byte[CHUNK];
            tailLength = 0;
        }
        while (start < end) {
            if (tailLength == CHUNK) {
                full.add(tail);
                tail = new byte[CHUNK];
                tailLength = 0;
            }
            int k = Math.min(CHUNK - tailLength, end - start);
            System.arraycopy(bytes, start, tail, tailLength, k);
            tailLength += k;
            start += k;
        }
    }

    void append(byte b) {
        if (full == null && headLength < head.length) {
            head[headLength++] = b;
            length++;
            return;
        }
        one[0] = b;
        append(one, 0, 1);
    }

    /** Decodes all but the last byte (the LF after the last data line) and empties the buffer. */
    String takeAllButLast() {
        String text;
        if (full == null) {
            text = Utf8.decode(head, 0, headLength - 1);
        } else {
            byte[] all = new byte[(int) length];
            System.arraycopy(head, 0, all, 0, headLength);
            int at = headLength;
            for (byte[] chunk : full) {
                System.arraycopy(chunk, 0, all, at, CHUNK);
                at += CHUNK;
            }
            System.arraycopy(tail, 0, all, at, tailLength);
            text = Utf8.decode(all, 0, all.length - 1);
        }
        clear();
        return text;
    }

    void clear() {
        headLength = 0;
        length = 0;
        full = null;
        tail = null;
        tailLength = 0;
    }
}
