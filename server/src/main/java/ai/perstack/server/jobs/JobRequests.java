package ai.perstack.server.jobs;

import java.util.List;

/** The inputs of the job calls, as parsed from the request (types checked, rules not yet). */
public final class JobRequests {
    private JobRequests() {
    }

    /** {@code POST /jobs}; null = not given ({@code reasoningBudget} as sent: a string or a number). */
    public record Start(String applicationId, String expertKey, String query, List<String> files, String provider,
                        String model, com.fasterxml.jackson.databind.JsonNode reasoningBudget, Integer maxSteps,
                        Integer maxRetries, List<Upload> uploads) {
    }

    /** {@code POST /jobs/{id}/continue}; null = not given. */
    public record Continue(String query, List<String> files, boolean interactiveToolCallResult, String provider,
                           String model, Integer maxSteps, List<Upload> uploads) {
    }

    /**
     * One entry of {@code uploads}: a staged upload to move into the job's workspace at
     * {@code path} before the job is queued (null fields: not given).
     */
    public record Upload(String path, String uploadId) {
    }
}
