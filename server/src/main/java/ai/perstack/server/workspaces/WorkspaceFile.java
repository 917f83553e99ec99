package ai.perstack.server.workspaces;

import java.time.Instant;

/** A regular file in a workspace: its path relative to the workspace root, size and time. */
public record WorkspaceFile(String path, long size, Instant modified) {
}
