package ai.perstack.client.internal;

import java.util.List;

/**
 * Turns a request path into the contract's path template ({@code /api/v1/jobs/abc} becomes
 * {@code /api/v1/jobs/{jobId}}), so that metrics and traces can be tagged by route without one
 * series per id. The templates are those of {@code api/openapi.yaml}; a test keeps them equal.
 */
public final class PathTemplates {
    /** Every path of the contract. */
    public static final List<String> ALL = List.of(
            "/api/v1/applications",
            "/api/v1/applications/{applicationId}",
            "/api/v1/env/secrets",
            "/api/v1/env/secrets/{name}",
            "/api/v1/env/variables",
            "/api/v1/env/variables/{name}",
            "/api/v1/jobs",
            "/api/v1/jobs/{jobId}",
            "/api/v1/jobs/{jobId}/continue",
            "/api/v1/jobs/{jobId}/cancel",
            "/api/v1/jobs/{jobId}/checkpoints",
            "/api/v1/jobs/{jobId}/checkpoints/stream",
            "/api/v1/jobs/{jobId}/checkpoints/{checkpointId}",
            "/api/v1/jobs/{jobId}/workspace/files",
            "/api/v1/jobs/{jobId}/workspace/file",
            "/api/v1/workspace/uploads",
            "/api/v1/workspace/uploads/{uploadId}",
            "/api/v1/experts",
            "/api/v1/experts/{org}/{name}",
            "/api/v1/experts/{org}/{name}/meta",
            "/api/v1/experts/{org}/{name}/publish",
            "/api/v1/experts/{org}/{name}/unpublish",
            "/api/v1/experts/{org}/{name}/yank",
            "/api/v1/experts/{org}/{name}/drafts",
            "/api/v1/experts/{org}/{name}/drafts/{draftRef}",
            "/api/v1/experts/{org}/{name}/drafts/{draftRef}/version",
            "/api/v1/experts/{org}/{name}/versions",
            "/health",
            "/api/v1/openapi.yaml");

    /** Name of paths that match no template: one series for all of them rather than one per path. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final List<String[]> SPLIT = ALL.stream().map(PathTemplates::segments).toList();

    private PathTemplates() {
    }

    /**
     * The template of {@code path} (percent-encoded, without query): the one whose literal segments
     * match it, preferring more literal segments; {@link #UNKNOWN} when none does.
     */
    public static String of(String path) {
        String[] parts = segments(path);
        String best = UNKNOWN;
        int bestLiterals = -1;
        for (int i = 0; i < SPLIT.size(); i++) {
            String[] template = SPLIT.get(i);
            if (template.length != parts.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int j = 0; j < template.length && matches; j++) {
                if (template[j].startsWith("{")) {
                    matches = !parts[j].isEmpty();
                } else if (template[j].equals(parts[j])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && literals > bestLiterals) {
                best = ALL.get(i);
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }
}
