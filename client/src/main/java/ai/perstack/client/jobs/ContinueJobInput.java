package ai.perstack.client.jobs;

import ai.perstack.client.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of {@code jobs.continue} ({@code continueJob} in Java). Every field is optional.
 *
 * @param query                     more input, or the answer to the pending interactive tool call
 * @param files                     more file names
 * @param interactiveToolCallResult true when {@code query} answers the pending interactive tool call
 * @param provider                  overrides the provider
 * @param model                     overrides the model
 * @param maxSteps                  steps added to the budget
 * @param uploads                   staged uploads moved into the job's workspace before it is queued (local-platform extension)
 */
public record ContinueJobInput(Optional<String> query, List<String> files, Optional<Boolean> interactiveToolCallResult,
                               Optional<Provider> provider, Optional<String> model, Optional<Integer> maxSteps, List<UploadRef> uploads) {

    /**
     * Normalizes absent fields.
     *
     * @param query more input, or the answer to the pending interactive tool call
     * @param files more file names
     * @param interactiveToolCallResult true when {@code query} answers the pending interactive tool call
     * @param provider overrides the provider
     * @param model overrides the model
     * @param maxSteps steps added to the budget
     * @param uploads staged uploads moved into the job's workspace before it is queued
     */
    public ContinueJobInput {
        query = query == null ? Optional.empty() : query;
        files = files == null ? List.of() : List.copyOf(files);
        uploads = uploads == null ? List.of() : List.copyOf(uploads);
        interactiveToolCallResult = interactiveToolCallResult == null ? Optional.empty() : interactiveToolCallResult;
        provider = provider == null ? Optional.empty() : provider;
        model = model == null ? Optional.empty() : model;
        maxSteps = maxSteps == null ? Optional.empty() : maxSteps;
    }

    /**
     * Without uploads (the form before they existed).
     *
     * @param query more input
     * @param files more file names
     * @param interactiveToolCallResult whether {@code query} answers the pending call
     * @param provider overrides the provider
     * @param model overrides the model
     * @param maxSteps steps added to the budget
     */
    public ContinueJobInput(Optional<String> query, List<String> files, Optional<Boolean> interactiveToolCallResult,
                            Optional<Provider> provider, Optional<String> model, Optional<Integer> maxSteps) {
        this(query, files, interactiveToolCallResult, provider, model, maxSteps, List.of());
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The answer to a pending interactive tool call.
     *
     * @param answer the text of the answer
     * @return the input
     */
    public static ContinueJobInput answer(String answer) {
        return builder().query(answer).interactiveToolCallResult(true).build();
    }

    /** {@return the JSON body} */
    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        query.ifPresent(q -> body.put("query", q));
        if (!files.isEmpty()) {
            body.set("files", Json.strings(files));
        }
        if (!uploads.isEmpty()) {
            body.set("uploads", UploadRef.toJson(uploads));
        }
        interactiveToolCallResult.ifPresent(i -> body.put("interactiveToolCallResult", i));
        provider.ifPresent(p -> body.put("provider", p.value()));
        model.ifPresent(m -> body.put("model", m));
        maxSteps.ifPresent(m -> body.put("maxSteps", m));
        return body;
    }

    /** Builds {@link ContinueJobInput}. */
    public static final class Builder {
        private String query;
        private final List<String> files = new ArrayList<>();
        private final List<UploadRef> uploads = new ArrayList<>();
        private Boolean interactiveToolCallResult;
        private Provider provider;
        private String model;
        private Integer maxSteps;

        private Builder() {
        }

        /**
         * More input, or the answer.
         *
         * @param query more input, or the answer to the pending interactive tool call
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /**
         * Replaces the file names.
         *
         * @param files more file names
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
         * Whether the query answers the pending interactive tool call.
         *
         * @param value whether the query answers the pending interactive tool call
         * @return this builder
         */
        public Builder interactiveToolCallResult(boolean value) {
            this.interactiveToolCallResult = value;
            return this;
        }

        /**
         * Overrides the provider.
         *
         * @param provider overrides the provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        /**
         * Overrides the provider by wire value.
         *
         * @param provider overrides the provider
         * @return this builder
         */
        public Builder provider(String provider) {
            this.provider = provider == null ? null : Provider.of(provider);
            return this;
        }

        /**
         * Overrides the model.
         *
         * @param model overrides the model
         * @return this builder
         */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /**
         * Steps added to the budget.
         *
         * @param maxSteps steps added to the budget
         * @return this builder
         */
        public Builder maxSteps(int maxSteps) {
            this.maxSteps = maxSteps;
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

        /** {@return the input} */
        public ContinueJobInput build() {
            return new ContinueJobInput(Optional.ofNullable(query), files, Optional.ofNullable(interactiveToolCallResult),
                    Optional.ofNullable(provider), Optional.ofNullable(model), Optional.ofNullable(maxSteps), uploads);
        }
    }
}
