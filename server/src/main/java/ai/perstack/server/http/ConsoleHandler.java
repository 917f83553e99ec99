package ai.perstack.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the console, the web page of the local platform, from the classpath folder
 * {@code /console/} under {@code /console/}. The console is a client of the public API only:
 * this handler serves static files and nothing else, each with a strict Content-Security-Policy
 * (scripts, styles and connections from this origin only, no inline script, no framing).
 */
final class ConsoleHandler {
    /** The path prefix the console is served under. */
    static final String PREFIX = "/console/";
    /** No inline script or style, nothing from another origin, no plugins, no framing, no form posts elsewhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Lower-case names with folders, one of the served extensions: nothing else is looked up. */
    private static final Pattern ASSET = Pattern.compile("^([a-z0-9_-]+/)*[a-z0-9_.-]+\\.(html|js|css|svg)$");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private record Asset(byte[] bytes, String type, String etag) {
    }

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /** {@code GET /console/<path>}: the asset, 304 when the browser has it, else a JSON 404. */
    void serve(Context ctx) {
        if (!ctx.path().startsWith(PREFIX)) {
            redirect(ctx); // relative asset paths need the trailing slash
            return;
        }
        String path = ctx.path().substring(PREFIX.length());
        if (path.isEmpty()) {
            path = "index.html";
        }
        Optional<Asset> asset = ASSET.matcher(path).matches() && !path.contains("..")
                ? cache.computeIfAbsent(path, ConsoleHandler::load) : Optional.empty();
        securityHeaders(ctx);
        if (asset.isEmpty()) {
            ctx.status(404).contentType("application/json; charset=utf-8").header("Cache-Control", "no-store")
                    .result(new JsonCodec().write(ErrorBody.of(404, "no console file " + PREFIX + path)));
            ctx.attribute(ApiPipeline.RENDERED, Boolean.TRUE);
            return;
        }
        Asset a = asset.get();
        // Revalidated on every load, so a new server version never runs with an old script.
        ctx.header("Cache-Control", "no-cache").header("ETag", a.etag());
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.type()).result(a.bytes());
    }

    /** {@code GET /} and {@code GET /console}: to {@code /console/}. */
    void redirect(Context ctx) {
        ctx.status(302).header("Location", PREFIX).header("Cache-Control", "no-store");
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    private static Optional<Asset> load(String path) {
        try (InputStream in = ConsoleHandler.class.getResourceAsStream(PREFIX + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new Asset(bytes, TYPES.get(extension), etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
