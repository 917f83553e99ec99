package ai.perstack.server.http;

import ai.perstack.server.providers.ReasoningBudget;
import ai.perstack.server.domain.ApiException;
import ai.perstack.server.domain.PageRequest;
import ai.perstack.server.domain.Validation;
import ai.perstack.server.jobs.JobJson;
import ai.perstack.server.jobs.JobRequests;
import ai.perstack.server.jobs.JobService;
import ai.perstack.server.jobs.JobStatus;
import ai.perstack.server.store.JobRecord;
import ai.perstack.server.store.JobRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/jobs} and the JSON checkpoint calls; the stream is {@link CheckpointStreamHandler}. */
final class JobHandlers {
    private static final Set<String> FILTER_FIELDS = Set.of("status", "applicationId", "expertKey");
    private final JobService jobs;
    private final ObjectMapper json = new ObjectMapper();

    JobHandlers(JobService jobs) {
        this.jobs = jobs;
    }

    Reply list(ApiRequest r) {
        QueryParams q = r.query("sort", "order", "take", "skip", "filter");
        PageRequest page = q.page(JobService.SORT_FIELDS, "createdAt", true);
        String filter = q.string("filter");
        q.validate();
        return Reply.ok(Render.list("jobs", jobs.list(r.org(), parseFilter(filter), page), JobHandlers::job,
                page.take(), page.skip()));
    }

    /** {@code status:running applicationId:abc}: space-separated terms, ANDed. */
    static JobRepository.Filter parseFilter(String filter) {
        List<String> statuses = new ArrayList<>();
        List<String> applications = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (filter != null && !filter.isBlank()) {
            if (filter.length() > 1024) {
                throw ApiException.invalid("filter", "must be at most 1024 characters");
            }
            for (String term : filter.strip().split("\\s+")) {
                int colon = term.indexOf(':');
                String field = colon < 0 ? term : term.substring(0, colon);
                String value = colon < 0 ? "" : term.substring(colon + 1);
                if (colon < 0 || value.isEmpty()) {
                    throw ApiException.invalid("filter", "terms are field:value; got " + term);
                }
                if (!FILTER_FIELDS.contains(field)) {
                    throw ApiException.invalid("filter", "unknown field " + field + " (fields: applicationId, expertKey, status)");
                }
                switch (field) {
                    case "status" -> {
                        if (!JobStatus.ALL.contains(value)) {
                            throw ApiException.invalid("filter", "unknown status " + value);
                        }
                        statuses.add(value);
                    }
                    case "applicationId" -> applications.add(value);
                    default -> keys.add(value);
                }
            }
        }
        return new JobRepository.Filter(statuses, applications, keys);
    }

    Reply get(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("job", job(jobs.get(r.org(), r.path("jobId")))));
    }

    Reply start(ApiRequest r) {
        JsonBody body = r.body("applicationId", "expertKey", "query", "files", "provider", "model", "reasoningBudget",
                "maxSteps", "maxRetries", "uploads");
        Validation v = new Validation();
        JobRequests.Start in = new JobRequests.Start(body.requiredString("applicationId"),
                body.requiredString("expertKey"), body.string("query"), strings(body, "files", v),
                body.requiredString("provider"), body.string("model"), body.node("reasoningBudget"),
                integer(body, "maxSteps", v), integer(body, "maxRetries", v), uploads(body, v));
        validate(body, v);
        return Reply.created(Render.item("job", job(jobs.start(r.org(), in))));
    }

    Reply update(ApiRequest r) {
        JsonBody body = r.body("status");
        String status = body.requiredString("status");
        body.validate();
        if (!JobStatus.PAUSED.equals(status) && !JobStatus.RUNNING.equals(status)) {
            throw ApiException.invalid("status", "must be one of paused, running");
        }
        return Reply.ok(Render.item("job", job(jobs.update(r.org(), r.path("jobId"), status))));
    }

    Reply continueJob(ApiRequest r) {
        JsonBody body = r.body("query", "files", "interactiveToolCallResult", "provider", "model", "maxSteps",
                "uploads");
        Validation v = new Validation();
        JsonNode answer = body.node("interactiveToolCallResult");
        if (answer != null && !answer.isNull() && !answer.isBoolean()) {
            v.fail("interactiveToolCallResult", "must be true or false");
        }
        JobRequests.Continue in = new JobRequests.Continue(body.string("query"), strings(body, "files", v),
                answer != null && answer.asBoolean(false), body.string("provider"), body.string("model"),
                integer(body, "maxSteps", v), uploads(body, v));
        validate(body, v);
        return Reply.ok(Render.item("job", job(jobs.continueJob(r.org(), r.path("jobId"), in))));
    }

    Reply cancel(ApiRequest r) {
        r.body().validate();
        return Reply.ok(Render.item("job", job(jobs.cancel(r.org(), r.path("jobId")))));
    }

    Reply listCheckpoints(ApiRequest r) {
        QueryParams q = r.query("sort", "order", "take", "skip");
        PageRequest page = q.page(JobService.CHECKPOINT_SORT_FIELDS, "sequence", false);
        q.validate();
        return Reply.ok(Render.list("checkpoints", jobs.checkpoints(r.org(), r.path("jobId"), page), this::parse,
                page.take(), page.skip()));
    }

    Reply getCheckpoint(ApiRequest r) {
        r.query().validate();
        return Reply.ok(Render.item("checkpoint", parse(jobs.checkpoint(r.org(), r.path("jobId"), r.path("checkpointId")))));
    }

    private Object parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Type failures of the body and of the fields read here, as one 400. */
    private static void validate(JsonBody body, Validation v) {
        try {
            body.validate();
        } catch (ApiException e) {
            if (e.fieldErrors() == null) {
                throw e;
            }
            e.fieldErrors().forEach(v::fail);
        }
        v.throwIfInvalid();
    }

    private static Integer integer(JsonBody body, String field, Validation v) {
        JsonNode node = body.node(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            v.fail(field, "must be an integer");
            return null;
        }
        return node.intValue();
    }

    private static List<String> strings(JsonBody body, String field, Validation v) {
        JsonNode node = body.node(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            v.fail(field, "must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                v.fail(field + "[" + i + "]", "must be a string");
            } else {
                out.add(node.get(i).asText());
            }
        }
        return out;
    }

    /** {@code uploads: [{path, uploadId}]}, types checked (the rules are the domain's). */
    private static List<JobRequests.Upload> uploads(JsonBody body, Validation v) {
        JsonNode node = body.node("uploads");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            v.fail("uploads", "must be an array of {path, uploadId}");
            return null;
        }
        List<JobRequests.Upload> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String at = "uploads[" + i + "]";
            if (!entry.isObject()) {
                v.fail(at, "must be an object {path, uploadId}");
                continue;
            }
            entry.fieldNames().forEachRemaining(name -> {
                if (!name.equals("path") && !name.equals("uploadId")) {
                    v.fail(at + "." + name, "unknown field (fields: path, uploadId)");
                }
            });
            out.add(new JobRequests.Upload(text(entry, at + ".path", "path", v), text(entry, at + ".uploadId", "uploadId", v)));
        }
        return out;
    }

    private static String text(JsonNode entry, String field, String name, Validation v) {
        JsonNode value = entry.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            v.fail(field, "must be a string");
            return null;
        }
        return value.asText();
    }

    static Object job(JobRecord j) {
        Render.Obj usage = new Render.Obj().put("inputTokens", j.inputTokens).put("outputTokens", j.outputTokens)
                .put("reasoningTokens", j.reasoningTokens).put("cachedInputTokens", j.cachedInputTokens)
                .put("totalTokens", j.inputTokens + j.outputTokens + j.reasoningTokens);
        Render.Obj error = j.errorName == null ? null : new Render.Obj().put("name", j.errorName)
                .put("message", j.errorMessage).put("isRetryable", Boolean.TRUE.equals(j.errorRetryable));
        return new Render.Obj().put("id", j.id).put("organizationId", j.organizationId)
                .put("applicationId", j.applicationId).put("expertKey", j.expertKey)
                .put("resolvedExpertKey", j.resolvedExpertKey).put("status", j.status).put("query", j.query)
                .put("files", JobJson.files(j.filesJson)).put("provider", j.provider).put("model", j.model)
                .put("reasoningBudget", ReasoningBudget.fromStored(j.reasoningBudget).wire()).put("maxSteps", j.maxSteps).put("maxRetries", j.maxRetries)
                .put("totalSteps", j.totalSteps).put("usage", usage.map).put("result", j.result)
                .put("error", error == null ? null : error.map).put("createdAt", Render.timestamp(j.createdAt))
                .put("startedAt", Render.timestamp(j.startedAt)).put("finishedAt", Render.timestamp(j.finishedAt))
                .put("updatedAt", Render.timestamp(j.updatedAt)).map;
    }

    static Map<String, Object> done(String status) {
        return Map.of("status", status);
    }
}
