package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.Organization;
import ai.perstack.server.security.AccessService;
import ai.perstack.server.security.ApiKeys;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every API call goes through, in order: authentication and rate limit, body limits,
 * idempotency, the handler, and error mapping. Handlers only parse, call and render.
 */
final class ApiPipeline {
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Bytes per second a request body must keep up on average after {@link #BODY_GRACE_MILLIS}. */
    static final long MIN_BODY_RATE = 4 * 1024;
    static final long BODY_GRACE_MILLIS = 5_000;
    /** The longest a whole request body may take to arrive, however fast it trickles. */
    static final long BODY_DEADLINE_MILLIS = 30_000;
    static final String TOO_SLOW = "the request body arrived too slowly (below " + MIN_BODY_RATE / 1024 + " KiB/s)";
    static final String TOO_LATE = "the request body did not arrive within " + BODY_DEADLINE_MILLIS / 1000 + " s";
    private static final long DISCARD_LIMIT = 16L * 1024 * 1024;
    static final String RENDERED = "perstack.rendered";
    private static final Logger LOG = LoggerFactory.getLogger(ApiPipeline.class);

    private final AccessService access;
    private final RateLimiter rateLimiter;
    private final Idempotency idempotency;
    private final JsonCodec json;
    private final BodySlots bodySlots = new BodySlots();

    ApiPipeline(AccessService access, RateLimiter rateLimiter, Idempotency idempotency, JsonCodec json) {
        this.access = access;
        this.rateLimiter = rateLimiter;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Wraps an API handler into a Javalin handler. */
    Handler wrap(ApiHandler handler) {
        return ctx -> {
            try {
                run(ctx, handler);
            } catch (ApiException e) {
                send(ctx, e.kind().status(), ErrorBody.of(e));
            }
        };
    }

    private void run(Context ctx, ApiHandler handler) throws IOException {
        Organization org = authenticate(ctx);
        byte[] body = readBody(ctx);
        String idempotencyKey = ctx.method().name().equals("POST") ? ctx.header("Idempotency-Key") : null;
        if (idempotencyKey != null) {
            if (!Idempotency.isValidKey(idempotencyKey)) {
                throw ApiException.invalid("Idempotency-Key", "must be 1..255 printable ASCII characters");
            }
            Optional<Reply> replay = idempotency.claimOrReplay(org, idempotencyKey, "POST", ctx.path(), body);
            if (replay.isPresent()) {
                ctx.header("Idempotent-Replayed", "true");
                send(ctx, replay.get().status(), replay.get().body());
                return;
            }
        }
        int status;
        String rendered;
        try {
            Reply reply = handler.handle(new ApiRequest(ctx, org, body, json));
            if (reply.body() instanceof FileReply file) { // only GET routes answer a file: nothing to keep for replay
                sendFile(ctx, file);
                return;
            }
            status = reply.status();
            rendered = json.write(reply.body());
        } catch (ApiException e) {
            status = e.kind().status();
            rendered = json.write(ErrorBody.of(e));
        } catch (Exception e) {
            LOG.error("request {} {} failed (Request-Id {})", ctx.method(), ctx.path(), ctx.res().getHeader("Request-Id"), e);
            status = 500;
            rendered = json.write(ErrorBody.of(500, "internal error; Request-Id " + ctx.res().getHeader("Request-Id")));
        }
        if (idempotencyKey != null) {
            idempotency.complete(org, idempotencyKey, status, rendered);
        }
        send(ctx, status, new Idempotency.RawJson(rendered));
    }

    /** The key of {@code Authorization: Bearer <key>}, or null. */
    private static String bearerKey(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = header.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    /**
     * Reads the body within the bounds of {@link BodySlots}: a client with too many bodies in
     * flight, or a server with too many, gets a 429 with {@code Retry-After} at once.
     */
    private byte[] readBody(Context ctx) throws IOException {
        if (!hasBody(ctx)) {
            return new byte[0];
        }
        String client = ctx.req().getRemoteAddr();
        BodySlots.Result slot = bodySlots.tryAcquire(client);
        if (slot != BodySlots.Result.TAKEN) {
            ctx.header("Retry-After", "1");
            throw ApiException.of(ApiException.Kind.RATE_LIMITED, slot == BodySlots.Result.CLIENT_FULL
                    ? "this client is sending " + BodySlots.PER_CLIENT + " request bodies already; retry after 1 s"
                    : "the server is receiving " + BodySlots.TOTAL + " request bodies already; retry after 1 s");
        }
        try {
            return readBody(ctx.req().getContentLengthLong(), ctx.req().getInputStream());
        } finally {
            bodySlots.release(client);
        }
    }

    /** Whether the request announces a body (a Content-Length above 0, or chunks). */
    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /**
     * Reads at most 1 MiB; a larger body is a 413 whether or not Content-Length announced it.
     * A body that trickles in would hold this request thread for as long as it kept trickling
     * (the connection's idle timeout restarts with every byte): after a grace of
     * {@link #BODY_GRACE_MILLIS} it must keep up {@link #MIN_BODY_RATE} bytes per second on
     * average, and all of it must arrive within {@link #BODY_DEADLINE_MILLIS}, or the request
     * ends with 408. A body that stops arriving ends at the idle timeout, also 408.
     */
    static byte[] readBody(long declared, InputStream input) throws IOException {
        try (InputStream in = input) {
            if (declared > MAX_BODY_BYTES) {
                discard(in);
                throw tooLarge();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
            byte[] buffer = new byte[16 * 1024];
            long started = System.nanoTime();
            int n;
            while ((n = read(in, buffer)) >= 0) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_BODY_BYTES) {
                    discard(in);
                    throw tooLarge();
                }
                if (tooSlow(body.size(), started)) {
                    throw ApiException.of(ApiException.Kind.REQUEST_TIMEOUT, TOO_SLOW);
                }
                if ((System.nanoTime() - started) / 1_000_000L > BODY_DEADLINE_MILLIS) {
                    throw ApiException.of(ApiException.Kind.REQUEST_TIMEOUT, TOO_LATE);
                }
            }
            return body.toByteArray();
        }
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            if (malformed(e)) {
                throw ApiException.badRequest("malformed request body (bad chunked encoding)");
            }
            // The idle timeout passed mid-body, or the client went away (then nobody reads this answer).
            throw ApiException.of(ApiException.Kind.REQUEST_TIMEOUT, TOO_SLOW);
        }
    }

    /** Whether Jetty failed the read because the body's framing is broken (a bad chunk), not for time. */
    private static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 400) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code bytes} since {@code startedNanos} fall below the minimum rate once the grace is over. */
    static boolean tooSlow(long bytes, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000L;
        return millis > BODY_GRACE_MILLIS && bytes * 1000L < MIN_BODY_RATE * (millis - BODY_GRACE_MILLIS);
    }

    /**
     * Reads and drops what the client is still sending (up to a bound), so that it reads our
     * 413 instead of a connection reset mid-upload.
     */
    private static void discard(InputStream in) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while (skipped < DISCARD_LIMIT && (n = in.read(buffer)) > 0) {
            skipped += n;
        }
    }

    private static ApiException tooLarge() {
        return ApiException.of(ApiException.Kind.TOO_LARGE, "request bodies are limited to 1 MiB");
    }

    /** Streams a file as the response: its bytes, named for saving, never rendered inline. */
    private static void sendFile(Context ctx, FileReply file) throws IOException {
        String name = file.name().substring(file.name().lastIndexOf('/') + 1);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(200);
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Length", Long.toString(java.nio.file.Files.size(file.file())));
        ctx.result(java.nio.file.Files.newInputStream(file.file(), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    /** Writes a JSON response and marks it rendered, so the error fallbacks leave it alone. */
    void send(Context ctx, int status, Object body) {
        String text = body instanceof Idempotency.RawJson raw ? raw.json() : json.write(body);
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(text);
    }

    /**
     * Authentication and rate limit, also for handlers that write their own response (the
     * checkpoint stream); throws the errors {@link #wrap} renders. With a rate limit, a key that
     * authenticates spends its own bucket; a request that does not (no key, an unknown key)
     * spends its client address's, so rotating made-up keys buys no extra requests (and a client
     * that keeps failing gets 429s), while the keys that do authenticate keep their own budget.
     */
    Organization authenticate(Context ctx) {
        String key = bearerKey(ctx);
        Optional<Organization> org = key == null ? Optional.empty() : access.authenticate(key);
        if (org.isEmpty()) {
            if (rateLimiter.enabled()) {
                limit(ctx, rateLimiter.acquire("client:" + ctx.req().getRemoteAddr()));
            }
            ctx.header("WWW-Authenticate", "Bearer");
            throw ApiException.of(ApiException.Kind.UNAUTHENTICATED,
                    key == null ? "missing API key: send Authorization: Bearer <key>" : "unknown API key");
        }
        if (rateLimiter.enabled()) {
            limit(ctx, rateLimiter.acquire("key:" + ApiKeys.hash(key)));
        }
        return org.get();
    }

    private static void limit(Context ctx, long wait) {
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw ApiException.of(ApiException.Kind.RATE_LIMITED, "rate limit exceeded; retry after " + wait + " s");
        }
    }
}
