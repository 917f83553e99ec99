package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as it arrives, within the bounds every body keeps (RELIABILITY.md §9): at most
 * {@code maxBytes} (more is 413 naming the limit), at least {@link ApiPipeline#MIN_BODY_RATE}
 * bytes a second on average after the grace, all of it within {@link ApiPipeline#BODY_DEADLINE_MILLIS}
 * (else 408). Reading it whole into memory ({@link ApiPipeline}'s JSON bodies) and streaming it
 * to a file (raw uploads) so follow the same rules.
 */
final class BodyStream extends InputStream {
    private final InputStream in;
    private final long maxBytes;
    private final String limitReason;
    private final long started = System.nanoTime();
    private long read;

    /**
     * @param in          the request's input stream
     * @param maxBytes    the most bytes the body may have
     * @param limitReason the reason of the 413 when it has more
     */
    BodyStream(InputStream in, long maxBytes, String limitReason) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.limitReason = limitReason;
    }

    /** Bytes read so far. */
    long count() {
        return read;
    }

    /** Refuses a body whose declared length is over the limit before any of it is read. */
    void refuseDeclared(long declared) throws IOException {
        if (declared > maxBytes) {
            discard();
            throw ApiException.of(ApiException.Kind.TOO_LARGE, limitReason);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(buffer, off, len);
        } catch (IOException e) {
            if (endedEarly(e)) {
                // Jetty frames this as a bad message too; it is the client going away mid-body (nobody may read it)
                throw ApiException.badRequest("the request body ended early: the connection closed before all of it"
                        + " arrived");
            }
            if (malformed(e)) {
                throw ApiException.badRequest("malformed request body (bad chunked encoding)");
            }
            // The idle timeout passed mid-body, or the client went away (then nobody reads this answer).
            throw ApiException.of(ApiException.Kind.REQUEST_TIMEOUT, ApiPipeline.TOO_SLOW);
        }
        if (n < 0) {
            return n;
        }
        read += n;
        if (read > maxBytes) {
            discard();
            throw ApiException.of(ApiException.Kind.TOO_LARGE, limitReason);
        }
        if (ApiPipeline.tooSlow(read, started)) {
            throw ApiException.of(ApiException.Kind.REQUEST_TIMEOUT, ApiPipeline.TOO_SLOW);
        }
        if ((System.nanoTime() - started) / 1_000_000L > ApiPipeline.BODY_DEADLINE_MILLIS) {
            throw ApiException.of(ApiException.Kind.REQUEST_TIMEOUT, ApiPipeline.TOO_LATE);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whether the connection closed before the body's end (Jetty's "Early EOF"). */
    private static boolean endedEarly(Throwable e) {
        return hasCause(e, t -> t instanceof org.eclipse.jetty.io.EofException);
    }

    /** Whether Jetty failed the read because the body's framing is broken (a bad chunk), not for time. */
    private static boolean malformed(Throwable e) {
        return hasCause(e, t -> t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 400);
    }

    private static boolean hasCause(Throwable e, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads and drops what the client is still sending (up to a bound), so that it reads our
     * refusal (413, or any answer given before the body was read) instead of a connection reset
     * mid-upload.
     */
    void drain() {
        discard();
    }

    private void discard() {
        long skipped = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while (skipped < ApiPipeline.DISCARD_LIMIT && (n = in.read(buffer)) > 0) {
                skipped += n;
            }
        } catch (IOException e) {
            // the client went away or stalled: it gets the 413 if it still listens
        }
    }
}
