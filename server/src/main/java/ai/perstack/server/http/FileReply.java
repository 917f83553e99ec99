package ai.perstack.server.http;

import java.nio.file.Path;

/** A reply body that is a file's bytes rather than JSON: sent as {@code application/octet-stream}. */
record FileReply(Path file, String name) {
}
