package ai.perstack.server.skills.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;

/** File checks the base tools share, in core's terms ("writable" = the owner-write bit). */
final class Fs {
    private static final Map<String, String> MIME = Map.ofEntries(Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"), Map.entry("csv", "text/csv"), Map.entry("xml", "application/xml"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("ts", "text/typescript"),
            Map.entry("json", "application/json"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("toml", "application/toml"),
            Map.entry("java", "text/x-java"), Map.entry("py", "text/x-python"), Map.entry("sh", "application/x-sh"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("tar", "application/x-tar"));
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Fs() {
    }

    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    static void mustExist(Path p, String asGiven) throws ToolError {
        if (!exists(p)) {
            throw new ToolError("File does not exist: " + asGiven);
        }
    }

    static void mustBeFile(Path p, String asGiven) throws ToolError {
        if (Files.isSymbolicLink(p)) {
            throw new ToolError("Path is a symbolic link: " + asGiven);
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new ToolError("Path is a directory: " + asGiven);
        }
    }

    static boolean writable(Path p) {
        try {
            return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return Files.isWritable(p);
        } catch (IOException e) {
            return false;
        }
    }

    static void mustBeWritable(Path p, String asGiven) throws ToolError {
        if (!writable(p)) {
            throw new ToolError("File is not writable: " + asGiven);
        }
    }

    /** The extension without its dot, lower-cased, or "" when there is none. */
    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String mimeType(Path p) {
        return MIME.getOrDefault(extension(p), "application/octet-stream");
    }

    /** "0 B", or the size with two decimals in the largest unit that keeps it at least 1. */
    static String formatSize(long bytes) {
        if (bytes <= 0) {
            return "0 B";
        }
        int unit = Math.min(UNITS.length - 1, (int) (Math.log(bytes) / Math.log(1024)));
        return String.format(Locale.ROOT, "%.2f %s", bytes / Math.pow(1024, unit), UNITS[unit]);
    }
}
