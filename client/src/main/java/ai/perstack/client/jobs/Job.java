package ai.perstack.client.jobs;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job: one run of an expert on a query, step by step, until it completes or stops.
 *
 * @param id                the job id
 * @param organizationId    the owning organization
 * @param applicationId     the application it runs under
 * @param expertKey         the expert key as given at start
 * @param resolvedExpertKey the exact version it runs, {@code @org/name@1.2.3}
 * @param status            the status (open: unknown values are kept)
 * @param query             the query, when given
 * @param files             the files given (empty when none)
 * @param provider          the model provider
 * @param model             the model, when given
 * @param reasoningBudget   a level ({@code none|minimal|low|medium|high}) or thinking tokens
 * @param maxSteps          the step budget
 * @param maxRetries        retries allowed per step
 * @param totalSteps        steps taken so far
 * @param usage             tokens used so far
 * @param result            the final text, once completed
 * @param error             why it stopped with an error
 * @param createdAt         creation time
 * @param startedAt         when a worker first took it
 * @param finishedAt        when it last stopped
 * @param updatedAt         last update time
 * @param json              the object as received
 */
public record Job(String id, String organizationId, String applicationId, String expertKey, String resolvedExpertKey,
                  JobStatus status, Optional<String> query, List<String> files, Provider provider, Optional<String> model,
                  ReasoningBudget reasoningBudget, long maxSteps, long maxRetries, long totalSteps, Usage usage,
                  Optional<String> result, Optional<JobError> error, Instant createdAt, Optional<Instant> startedAt,
                  Optional<Instant> finishedAt, Instant updatedAt, JsonNode json) {

    /**
     * Reads a job object.
     *
     * @param in the JSON object to read
     * @return the {@code Job} read from {@code in}
     */
    static Job read(JsonIn in) {
        return new Job(in.string("id"), in.string("organizationId"), in.string("applicationId"), in.string("expertKey"),
                in.string("resolvedExpertKey"), JobStatus.of(in.string("status")), in.optString("query"),
                in.strings("files"), Provider.of(in.string("provider")), in.optString("model"),
                in.node().has("reasoningBudget") ? ReasoningBudget.read(in.any("reasoningBudget")) : ReasoningBudget.LOW, in.integer("maxSteps"),
                in.integer("maxRetries"), in.integer("totalSteps"), in.object("usage", Usage::read),
                in.optString("result"), in.optObject("error", JobError::read), in.instant("createdAt"),
                in.optInstant("startedAt"), in.optInstant("finishedAt"), in.instant("updatedAt"), in.node());
    }
}
