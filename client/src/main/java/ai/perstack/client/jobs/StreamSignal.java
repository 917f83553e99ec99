package ai.perstack.client.jobs;

import ai.perstack.client.ResponseInfo;

import java.nio.ByteBuffer;
import java.util.List;

/** What the network side tells the iterating thread. */
final class StreamSignal {
    enum Kind { CHUNK, ENDED, FAILED, HTTP_ERROR, CLOSED, ABORTED, CLIENT_CLOSED }

    static final StreamSignal CLOSED = new StreamSignal(Kind.CLOSED, -1, null, null, 0, null, null, null);
    static final StreamSignal ABORTED = new StreamSignal(Kind.ABORTED, -1, null, null, 0, null, null, null);
    static final StreamSignal CLIENT_CLOSED = new StreamSignal(Kind.CLIENT_CLOSED, -1, null, null, 0, null, null, null);

    final Kind kind;
    final int generation;
    final List<ByteBuffer> chunk;
    final Throwable failure;
    final int status;
    final byte[] body;
    final String retryAfter;
    final ResponseInfo response;

    private StreamSignal(Kind kind, int generation, List<ByteBuffer> chunk, Throwable failure, int status, byte[] body,
                   String retryAfter, ResponseInfo response) {
        this.response = response;
        this.kind = kind;
        this.generation = generation;
        this.chunk = chunk;
        this.failure = failure;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
    }

    static StreamSignal chunk(int gen, List<ByteBuffer> chunk) {
        return new StreamSignal(Kind.CHUNK, gen, chunk, null, 0, null, null, null);
    }

    static StreamSignal ended(int gen) {
        return new StreamSignal(Kind.ENDED, gen, null, null, 0, null, null, null);
    }

    static StreamSignal failed(int gen, Throwable failure) {
        return new StreamSignal(Kind.FAILED, gen, null, failure, 0, null, null, null);
    }

    static StreamSignal httpError(int gen, int status, byte[] body, String retryAfter, ResponseInfo response) {
        return new StreamSignal(Kind.HTTP_ERROR, gen, null, null, status, body, retryAfter, response);
    }
}
