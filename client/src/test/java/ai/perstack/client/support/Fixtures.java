package ai.perstack.client.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Realistic response objects, taken from the examples of {@code api/openapi.yaml}, and the
 * envelopes around them.
 */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    public static final String APPLICATION = """
            {"id": "v81u33xtplpft75v2seh60kv", "organizationId": "kjzde8gxd6ncf10epf91dhod", "name": "Support desk",
             "status": "active", "applicationGroupId": "av932byv7s6ehogfqrclri1q",
             "createdAt": "2025-01-15T09:30:00.000Z", "updatedAt": "2025-01-15T09:30:00.000Z"}""";

    /** An application without a group, inactive. */
    public static final String APPLICATION_INACTIVE = """
            {"id": "v81u33xtplpft75v2seh60kv", "organizationId": "kjzde8gxd6ncf10epf91dhod", "name": "Help desk",
             "status": "inactive", "createdAt": "2025-01-15T09:30:00.000Z", "updatedAt": "2025-01-16T10:00:00.500Z"}""";

    public static final String SECRET = """
            {"name": "ANTHROPIC_API_KEY", "createdAt": "2025-01-10T08:00:00.000Z", "updatedAt": "2025-01-12T08:00:00.000Z"}""";

    public static final String VARIABLE = """
            {"name": "REGION", "value": "eu-west-1", "createdAt": "2025-01-10T08:00:00.000Z",
             "updatedAt": "2025-01-10T08:00:00.000Z"}""";

    /** A queued job: no startedAt, no result, no model. */
    public static final String JOB_QUEUED = """
            {"id": "lkh5dnsipzz5fk2z9ri19r0w", "organizationId": "kjzde8gxd6ncf10epf91dhod",
             "applicationId": "v81u33xtplpft75v2seh60kv", "expertKey": "@acme/reviewer",
             "resolvedExpertKey": "@acme/reviewer@1.2.0", "status": "queued",
             "query": "Review the pull request description", "files": [], "provider": "mock", "reasoningBudget": "low",
             "maxSteps": 100, "maxRetries": 5, "totalSteps": 0,
             "usage": {"inputTokens": 0, "outputTokens": 0, "reasoningTokens": 0, "cachedInputTokens": 0, "totalTokens": 0},
             "createdAt": "2025-01-15T09:30:00.000Z", "updatedAt": "2025-01-15T09:30:00.000Z"}""";

    /** A completed job with every optional field set. */
    public static final String JOB_COMPLETED = """
            {"id": "lkh5dnsipzz5fk2z9ri19r0w", "organizationId": "kjzde8gxd6ncf10epf91dhod",
             "applicationId": "v81u33xtplpft75v2seh60kv", "expertKey": "@acme/reviewer@1.2.0",
             "resolvedExpertKey": "@acme/reviewer@1.2.0", "status": "completed",
             "query": "Help me with this task", "files": ["notes/design.md"], "provider": "anthropic",
             "model": "claude-sonnet-4-20250514", "reasoningBudget": "medium", "maxSteps": 50, "maxRetries": 3,
             "totalSteps": 3, "result": "Done: Help me with this task",
             "usage": {"inputTokens": 27, "outputTokens": 19, "reasoningTokens": 4, "cachedInputTokens": 9, "totalTokens": 50},
             "createdAt": "2025-01-15T09:30:00.000Z", "startedAt": "2025-01-15T09:30:00.120Z",
             "finishedAt": "2025-01-15T09:30:00.480Z", "updatedAt": "2025-01-15T09:30:00.480Z"}""";

    /** A job that stopped with an error. */
    public static final String JOB_FAILED = """
            {"id": "lkh5dnsipzz5fk2z9ri19r0w", "organizationId": "kjzde8gxd6ncf10epf91dhod",
             "applicationId": "v81u33xtplpft75v2seh60kv", "expertKey": "@acme/reviewer",
             "resolvedExpertKey": "@acme/reviewer@1.2.0", "status": "stoppedByError", "query": "Review it",
             "files": [], "provider": "openai", "reasoningBudget": "low", "maxSteps": 100, "maxRetries": 5,
             "totalSteps": 2, "error": {"name": "ProviderError", "message": "rate limited", "isRetryable": true},
             "usage": {"inputTokens": 9, "outputTokens": 3, "reasoningTokens": 0, "cachedInputTokens": 0, "totalTokens": 12},
             "createdAt": "2025-01-15T09:30:00.000Z", "startedAt": "2025-01-15T09:30:00.120Z",
             "finishedAt": "2025-01-15T09:30:01.000Z", "updatedAt": "2025-01-15T09:30:01.000Z"}""";

    public static final String CHECKPOINT_QUERY = """
            {"id": "qbn7xj8b7tfq7xkwo886vomp", "jobId": "lkh5dnsipzz5fk2z9ri19r0w", "runId": "y9zzzzg4zdmen2khvdgaj8gx",
             "sequence": 1, "stepNumber": 1, "status": "init", "expert": {"key": "main", "name": "Reviewer", "version": "1.2.0"},
             "activity": {"type": "query", "id": "nidw3706i8j76b2lajlj4h9d", "expertKey": "main",
                          "runId": "y9zzzzg4zdmen2khvdgaj8gx", "text": "Review the pull request description"},
             "usage": {"inputTokens": 9, "outputTokens": 0, "reasoningTokens": 0, "cachedInputTokens": 0, "totalTokens": 9},
             "startedAt": "2025-01-15T09:30:00.120Z", "finishedAt": "2025-01-15T09:30:00.130Z"}""";

    public static final String CHECKPOINT_WORK = """
            {"id": "mom75wbbr4qmw2wxfogo4mvn", "jobId": "lkh5dnsipzz5fk2z9ri19r0w", "runId": "y9zzzzg4zdmen2khvdgaj8gx",
             "sequence": 2, "stepNumber": 2, "status": "proceeding",
             "expert": {"key": "main", "name": "Reviewer", "version": "1.2.0"},
             "activity": {"type": "generalTool", "id": "k7794g9dpmrcg629be2u66mr", "expertKey": "main",
                          "runId": "y9zzzzg4zdmen2khvdgaj8gx", "previousActivityId": "nidw3706i8j76b2lajlj4h9d",
                          "skillName": "@perstack/mock", "toolName": "work", "args": {"step": 1},
                          "result": [{"type": "textPart", "id": "t1", "text": "Working on: Review the pull request description"}]},
             "usage": {"inputTokens": 18, "outputTokens": 12, "reasoningTokens": 0, "cachedInputTokens": 0, "totalTokens": 30},
             "contextWindow": 3000, "contextWindowUsage": 0.01, "retryCount": 0, "startedAt": "2025-01-15T09:30:00.130Z", "finishedAt": "2025-01-15T09:30:00.300Z"}""";

    /** A checkpoint where the expert asks the user, stopping the job. */
    public static final String CHECKPOINT_INTERACTIVE = """
            {"id": "pa4wfhym4l1vfz3zfkkibj3j", "jobId": "lkh5dnsipzz5fk2z9ri19r0w", "runId": "y9zzzzg4zdmen2khvdgaj8gx",
             "sequence": 3, "stepNumber": 3, "status": "stoppedByInteractiveTool",
             "expert": {"key": "main", "name": "Reviewer", "version": "1.2.0"},
             "activity": {"type": "interactiveTool", "id": "o6846p7q9m2i0hz2uep1enth", "expertKey": "main",
                          "runId": "y9zzzzg4zdmen2khvdgaj8gx", "skillName": "ask-user", "toolName": "askUser",
                          "args": {"question": "Which branch?"}},
             "pendingToolCalls": [{"id": "call_01", "skillName": "ask-user", "toolName": "askUser",
                                   "args": {"question": "Which branch?"}}],
             "partialToolResults": [{"id": "call_00", "skillName": "@perstack/base", "toolName": "readTextFile",
                                     "result": [{"type": "textPart", "id": "p1", "text": "main, next"}]}],
             "usage": {"inputTokens": 30, "outputTokens": 8, "reasoningTokens": 0, "cachedInputTokens": 9, "totalTokens": 38},
             "contextWindowUsage": 0.02, "startedAt": "2025-01-15T09:30:00.300Z"}""";

    public static final String SCOPE_PUBLIC = """
            {"scopeName": "@my-org/writer", "organizationId": "kjzde8gxd6ncf10epf91dhod", "description": "Writes release notes",
             "category": "writing", "visibility": "public", "latestVersion": "1.2.0",
             "tags": {"latest": "1.2.0", "stable": "1.1.0"},
             "createdAt": "2025-01-10T08:00:00.000Z", "updatedAt": "2025-01-15T09:00:00.000Z"}""";

    /** A private scope without versions yet. */
    public static final String SCOPE_PRIVATE = """
            {"scopeName": "@my-org/writer", "organizationId": "kjzde8gxd6ncf10epf91dhod", "category": "general",
             "visibility": "private", "tags": {}, "createdAt": "2025-01-10T08:00:00.000Z",
             "updatedAt": "2025-01-15T09:05:00.000Z"}""";

    public static final String EXPERT_MAIN = """
            {"key": "main", "name": "writer", "description": "Writes release notes",
             "instruction": "Write release notes for the changes you are given.",
             "skills": {"ask-user": {"type": "interactiveSkill", "name": "ask-user", "description": "Ask the user a question",
                        "tools": {"askUser": {"name": "askUser", "description": "Ask the user and wait for the answer",
                                  "inputJsonSchema": "{\\"type\\":\\"object\\",\\"properties\\":{\\"question\\":{\\"type\\":\\"string\\"}},\\"required\\":[\\"question\\"]}"}}}},
             "delegates": ["summarizer"], "tags": []}""";

    public static final String EXPERT_SUMMARIZER = """
            {"key": "summarizer", "name": "summarizer", "instruction": "Summarize what you are given in three sentences.",
             "skills": {}, "delegates": [], "tags": []}""";

    public static final String DEFINITION = """
            {"scopeName": "@my-org/writer", "version": "1.2.0", "tag": "latest", "tags": ["latest"], "yanked": false,
             "experts": [%s, %s], "createdAt": "2025-01-15T09:00:00.000Z"}""".formatted(EXPERT_MAIN, EXPERT_SUMMARIZER);

    public static final String DRAFT = """
            {"id": "t4wj99ibag7i1mnbqns6puq8", "scopeName": "@my-org/writer", "applicationId": "v81u33xtplpft75v2seh60kv",
             "experts": [%s, %s], "createdAt": "2025-01-10T08:00:00.000Z", "updatedAt": "2025-01-10T08:00:00.000Z"}"""
            .formatted(EXPERT_MAIN, EXPERT_SUMMARIZER);

    public static final String VERSION_LATEST = """
            {"version": "1.2.0", "tag": "latest", "tags": ["latest"], "yanked": false, "createdAt": "2025-01-15T09:00:00.000Z"}""";

    public static final String VERSION_YANKED = """
            {"version": "1.1.1", "tags": [], "yanked": true, "createdAt": "2025-01-13T11:00:00.000Z"}""";

    public static final String VERSION_STABLE = """
            {"version": "1.1.0", "tag": "stable", "tags": ["stable"], "yanked": false, "createdAt": "2025-01-12T17:00:00.000Z"}""";

    /** {@code {"data": {"<name>": <item>}}}. */
    public static String item(String name, String item) {
        return "{\"data\": {\"" + name + "\": " + item + "}}";
    }

    /** {@code {"data": {"<name>": [<items>]}, "meta": <meta>}}. */
    public static String list(String name, String meta, String... items) {
        return "{\"data\": {\"" + name + "\": [" + String.join(", ", items) + "]}, \"meta\": " + meta + "}";
    }

    /** Parses JSON text, for comparing trees. */
    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }
}
