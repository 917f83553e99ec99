package ai.perstack.server.store;

import java.time.Instant;

/**
 * A row of {@code jobs}. Mutable on purpose: a transaction loads it, changes what the operation
 * changes, and writes it back with {@link JobRepository#update}, all under the row lock.
 */
public final class JobRecord {
    public final String id;
    public final String organizationId;
    public final String applicationId;
    public final String expertKey;
    public final String resolvedExpertKey;
    public final String definitionJson;
    public final Instant createdAt;
    public String status;
    public String query;
    public String filesJson;
    public String provider;
    public String model;
    public String reasoningBudget;
    public int maxSteps;
    public int maxRetries;
    public int totalSteps;
    public long inputTokens;
    public long outputTokens;
    public long reasoningTokens;
    public long cachedInputTokens;
    public String result;
    public String errorName;
    public String errorMessage;
    public Boolean errorRetryable;
    public String stateJson;
    public int lastSequence;
    public String claimedBy;
    public Instant leaseUntil;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant updatedAt;

    public JobRecord(String id, String organizationId, String applicationId, String expertKey,
                     String resolvedExpertKey, String definitionJson, Instant createdAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.applicationId = applicationId;
        this.expertKey = expertKey;
        this.resolvedExpertKey = resolvedExpertKey;
        this.definitionJson = definitionJson;
        this.createdAt = createdAt;
    }
}
