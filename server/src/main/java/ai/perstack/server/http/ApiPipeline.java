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
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;
    static final String TOO_LARGE_REASON = "request bodies are limited to 1 MiB";
    static final String RENDERED = "perstack.rendered";
    static final String OCTET_STREAM = "application/octet-stream";
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
                sendError(ctx, e);
            }
        };
    }

    /** Answers with the error's status and body, and {@code Retry-After} when trying again later can help. */
    void sendError(Context ctx, ApiException e) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        send(ctx, e.kind().status(), ErrorBody.of(e));
    }

    /** Whether the request's body is raw bytes ({@code application/octet-stream}) rather than JSON. */
    static boolean isRaw(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(OCTET_STREAM);
    }

    /**
     * Wraps a handler of raw bodies: the same authentication, rate limit, body slots, rate floor
     * and deadline as every call, but the body is streamed to the handler with its own cap
     * instead of read whole under the 1 MiB one. An {@code Idempotency-Key} is checked for shape
     * and otherwise not used: what these routes do (write a file, stage an upload that expires
     * when unused) is safe to repeat, and keeping the body for a replay check is what they avoid.
     *
     * @param maxBytes    the most bytes the body may have
     * @param limitReason the reason of the 413 beyond that
     */
    Handler wrapRaw(RawHandler handler, long maxBytes, String limitReason) {
        return ctx -> {
            try {
                runRaw(ctx, handler, maxBytes, limitReason);
            } catch (ApiException e) {
                sendError(ctx, e);
            }
        };
    }

    private void runRaw(Context ctx, RawHandler handler, long maxBytes, String limitReason) throws IOException {
        Organization org = authenticate(ctx);
        String idempotencyKey = ctx.header("Idempotency-Key");
        if (idempotencyKey != null && !Idempotency.isValidKey(idempotencyKey)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1..255 printable ASCII characters");
        }
        String client = ctx.req().getRemoteAddr();
        acquireBodySlot(ctx, client);
        Reply reply;
        try (BodyStream body = new BodyStream(ctx.req().getInputStream(), maxBytes, limitReason)) {
            try {
                if (!isRaw(ctx)) {
                    throw ApiException.of(ApiException.Kind.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + OCTET_STREAM);
                }
                body.refuseDeclared(ctx.req().getContentLengthLong());
                reply = handler.handle(new ApiRequest(ctx, org, new byte[0], json), body);
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.REQUEST_TIMEOUT) {
                    body.drain(); // refused before the body was read: the client reads the answer, not a reset
                }
                throw e;
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            LOG.error("request {} {} failed (Request-Id {})", ctx.method(), ctx.path(), ctx.res().getHeader("Request-Id"), e);
            send(ctx, 500, ErrorBody.of(500, "internal error; Request-Id " + ctx.res().getHeader("Request-Id")));
            return;
        } finally {
            bodySlots.release(client);
        }
        send(ctx, reply.status(), reply.body());
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
        acquireBodySlot(ctx, client);
        try {
            return readBody(ctx.req().getContentLengthLong(), ctx.req().getInputStream());
        } finally {
            bodySlots.release(client);
        }
    }

    /** Takes one of the client's body slots, or answers 429 with {@code Retry-After} at once. */
    private void acquireBodySlot(Context ctx, String client) {
        BodySlots.Result slot = bodySlots.tryAcquire(client);
        if (slot != BodySlots.Result.TAKEN) {
            ctx.header("Retry-After", "1");
            throw ApiException.of(ApiException.Kind.RATE_LIMITED, slot == BodySlots.Result.CLIENT_FULL
                    ? "this client is sending " + BodySlots.PER_CLIENT + " request bodies already; retry after 1 s"
                    : "the server is receiving " + BodySlots.TOTAL + " request bodies already; retry after 1 s");
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
        try (BodyStream in = new BodyStream(input, MAX_BODY_BYTES, TOO_LARGE_REASON)) {
            in.refuseDeclared(declared);
            ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
            in.transferTo(body);
            return body.toByteArray();
        }
    }

    /** Whether {@code bytes} since {@code startedNanos} fall below the minimum rate once the grace is over. */
    static boolean tooSlow(long bytes, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000L;
        return millis > BODY_GRACE_MILLIS && bytes * 1000L < MIN_BODY_RATE * (millis - BODY_GRACE_MILLIS);
    }

    /** Streams a file as the response: its bytes, named for saving, never rendered inline. */
    private static void sendFile(Context ctx, FileReply file) throws IOException {
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(200);
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", ContentDisposition.attachment(file.name()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Length", Long.toString(file.file().size()));
        ctx.result(java.nio.channels.Channels.newInputStream(file.file().channel()));
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
