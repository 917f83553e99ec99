package ai.perstack.client.jobs;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code jobs.start}. {@code applicationId}, {@code expertKey} and {@code provider}
 * are required, and a query or at least one file.
 *
 * @param applicationId   the application to run under
 * @param expertKey       {@code @org/name}, {@code @org/name@1.2.3} or {@code @org/name@tag}
 * @param query           the task
 * @param files           file names given to the expert
 * @param provider        the model provider
 * @param model           the model, provider default when empty
 * @param reasoningBudget a level or thinking tokens
 * @param maxSteps        step budget (>= 1)
 * @param maxRetries      retries per step (>= 0)
 * @param uploads         staged uploads moved into the job's workspace before it is queued (local-platform extension)
 */
public record StartJobInput(String applicationId, String expertKey, Optional<String> query, List<String> files,
                            Provider provider, Optional<String> model, Optional<ReasoningBudget> reasoningBudget,
                            Optional<Integer> maxSteps, Optional<Integer> maxRetries, List<UploadRef> uploads) {

    /**
     * Checks required fields.
     *
     * @param applicationId the application to run under
     * @param expertKey {@code @org/name}, {@code @org/name@1.2.3} or {@code @org/name@tag}
     * @param query the task
     * @param files file names given to the expert
     * @param provider the model provider
     * @param model the model, provider default when empty
     * @param reasoningBudget a level or thinking tokens
     * @param maxSteps step budget (>= 1)
     * @param maxRetries retries per step (>= 0)
     * @param uploads staged uploads moved into the job's workspace before it is queued
     */
    public StartJobInput {
        if (applicationId == null) {
            throw new IllegalArgumentException("applicationId is required");
        }
        if (expertKey == null) {
            throw new IllegalArgumentException("expertKey is required");
        }
        if (provider == null) {
            throw new IllegalArgumentException("provider is required");
        }
        files = files == null ? List.of() : List.copyOf(files);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
    }

    /**
     * Without uploads (the form before they existed).
     *
     * @param applicationId the application to run under
     * @param expertKey the expert key
     * @param query the task
     * @param files file names given to the expert
     * @param provider the model provider
     * @param model the model
     * @param reasoningBudget a level or thinking tokens
     * @param maxSteps step budget
     * @param maxRetries retries per step
     */
    public StartJobInput(String applicationId, String expertKey, Optional<String> query, List<String> files,
                         Provider provider, Optional<String> model, Optional<ReasoningBudget> reasoningBudget,
                         Optional<Integer> maxSteps, Optional<Integer> maxRetries) {
        this(applicationId, expertKey, query, files, provider, model, reasoningBudget, maxSteps, maxRetries, List.of());
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object().put("applicationId", applicationId).put("expertKey", expertKey);
        query.ifPresent(q -> body.put("query", q));
        if (!files.isEmpty()) {
            body.set("files", Json.strings(files));
        }
        if (!uploads.isEmpty()) {
            body.set("uploads", UploadRef.toJson(uploads));
        }
        body.put("provider", provider.value());
        model.ifPresent(m -> body.put("model", m));
        reasoningBudget.ifPresent(r -> body.set("reasoningBudget", r.toJson()));
        maxSteps.ifPresent(m -> body.put("maxSteps", m));
        maxRetries.ifPresent(m -> body.put("maxRetries", m));
        return body;
    }

    /** Builds {@link StartJobInput}. */
    public static final class Builder {
        private String applicationId;
        private String expertKey;
        private String query;
        private final List<String> files = new ArrayList<>();
        private final List<UploadRef> uploads = new ArrayList<>();
        private Provider provider;
        private String model;
        private ReasoningBudget reasoningBudget;
        private Integer maxSteps;
        private Integer maxRetries;

        private Builder() {
        }

        /**
         * The application (required).
         *
         * @param applicationId the application to run under
         * @return this builder
         */
        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        /**
         * The expert key (required).
         *
         * @param expertKey {@code @org/name}, {@code @org/name@1.2.3} or {@code @org/name@tag}
         * @return this builder
         */
        public Builder expertKey(String expertKey) {
            this.expertKey = expertKey;
            return this;
        }

        /**
         * The task.
         *
         * @param query the task
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /**
         * Replaces the file names.
         *
         * @param files file names given to the expert
         * @return this builder
         */
        public Builder files(List<String> files) {
            this.files.clear();
            this.files.addAll(files);
            return this;
        }

        /**
         * Adds a file name.
         *
         * @param file a file name
         * @return this builder
         */
        public Builder addFile(String file) {
            this.files.add(file);
            return this;
        }

        /**
         * The provider (required).
         *
         * @param provider the model provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /**
         * The provider by wire value, e.g. {@code anthropic} (required).
         *
         * @param provider the model provider
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider == null ? null : Provider.of(provider);
            return this;
        }

        /**
         * The model.
         *
         * @param model the model, provider default when empty
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * The reasoning budget.
         *
         * @param reasoningBudget a level or thinking tokens
         * @return this builder
         */
        public Builder reasoningBudget(ReasoningBudget reasoningBudget) {
            this.reasoningBudget = reasoningBudget;
            return this;
        }

        /**
         * The reasoning budget as text: a level ({@code none|minimal|low|medium|high}) or a number of tokens.
         *
         * @param reasoningBudget e.g. {@code medium} or {@code 4096}
         * @return this builder
         */
        public Builder reasoningBudget(String reasoningBudget) {
            this.reasoningBudget = reasoningBudget == null ? null : ReasoningBudget.parse(reasoningBudget);
            return this;
        }

        /**
         * The step budget.
         *
         * @param maxSteps step budget (>= 1)
         * @return this builder
         */
        public Builder maxSteps(int maxSteps) {
            this.maxSteps = maxSteps;
            return this;
        }

        /**
         * Retries per step.
         *
         * @param maxRetries retries per step (>= 0)
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Adds a staged upload to move into the job's workspace at {@code path} before it is
         * queued (local-platform extension); {@code path} is added to the job's files.
         *
         * @param path     where the file goes in the workspace
         * @param uploadId the id {@code workspace().stage(...)} answered
         * @return this builder
         */
        public Builder addUpload(String path, String uploadId) {
            this.uploads.add(new UploadRef(path, uploadId));
            return this;
        }

        /** {@return the input; throws {@link IllegalArgumentException} when a required field is missing} */
        public StartJobInput build() {
            return new StartJobInput(applicationId, expertKey, Optional.ofNullable(query), files, provider,
                    Optional.ofNullable(model), Optional.ofNullable(reasoningBudget), Optional.ofNullable(maxSteps),
                    Optional.ofNullable(maxRetries), uploads);
        }
    }
}
