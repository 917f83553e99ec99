package ai.perstack.server.http;

import ai.perstack.server.workspaces.OpenedFile;

/**
 * A reply body that is a file's bytes rather than JSON: sent as {@code application/octet-stream},
 * streamed from the file opened for it (the response closes it).
 */
record FileReply(OpenedFile file, String name) {
}
