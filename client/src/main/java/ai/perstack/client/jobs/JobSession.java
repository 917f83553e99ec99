package ai.perstack.client.jobs;

import ai.perstack.client.AbortSignal;
import ai.perstack.client.ApiResult;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.StreamRequestOptions;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a job to its end in one call: starts it (or attaches to one), streams its checkpoints to
 * {@link Builder#onCheckpoint}, asks {@link Builder#onInteractiveTool} for the answer each time the
 * job stops at an interactive tool, continues it with that answer, and returns the job as it
 * finally stopped. Obtain a builder from {@code client.jobs().session()}.
 *
 * <pre>{@code
 * ApiResult<Job> done = client.jobs().session()
 *         .onCheckpoint(c -> System.out.println(c.sequence() + " " + c.activity().type()))
 *         .answer(question -> "The Baltic Sea")
 *         .build()
 *         .start(input);
 * }</pre>
 *
 * <p>Each checkpoint is handed over once, in sequence order, also across reconnects of the stream
 * and across continues (each new stream resumes after the last sequence seen). Without an answer
 * (no handler, or one that returns null) the session ends with the job waiting for it,
 * {@link #pendingQuestion()} telling the question. The abort signal ends the session at once with
 * an aborted {@code Err}; the job itself keeps running on the platform (cancel it with
 * {@code jobs().cancel} if that is wanted). Never throws for API failures: they end the session
 * with their {@code Err}; an exception thrown by a handler propagates to the caller (completes the
 * future of the asynchronous form exceptionally). One session runs one job, once.
 */
public final class JobSession {
    private final AsyncJobsApi jobs;
    private final Consumer<Checkpoint> onCheckpoint;
    private final Function<Activity.InteractiveTool, ContinueJobInput> onInteractiveTool;
    private final AbortSignal signal;
    private boolean used;
    private volatile String jobId;
    private volatile long lastSequence;
    private volatile Activity.InteractiveTool pendingQuestion;

    private JobSession(Builder b) {
        this.jobs = b.jobs;
        this.onCheckpoint = b.onCheckpoint;
        this.onInteractiveTool = b.onInteractiveTool;
        this.signal = b.signal;
    }

    static Builder builder(AsyncJobsApi jobs) {
        return new Builder(jobs);
    }

    /** {@return the id of the session's job, once it has been started or attached to} */
    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }

    /** {@return the sequence of the last checkpoint handed over (or the one attached after); 0 before any} */
    public long lastSequence() {
        return lastSequence;
    }

    /** {@return the interactive tool call the job waits on, when the session ended without answering it} */
    public Optional<Activity.InteractiveTool> pendingQuestion() {
        return Optional.ofNullable(pendingQuestion);
    }

    /**
     * Starts a job and runs it to its end, blocking.
     *
     * @param input the job to start
     * @return the job as it finally stopped, or the failure that ended the session
     */
    public ApiResult<Job> start(StartJobInput input) {
        claim();
        ApiResult<JobResponse> started = jobs.start(input, options()).join();
        if (!started.ok()) {
            return ApiResult.failure(started.error());
        }
        return follow(started.data().data().job().id(), 0);
    }

    /**
     * Attaches to a job and runs it to its end, blocking; every stored checkpoint is handed over first.
     *
     * @param jobId the job
     * @return the job as it finally stopped, or the failure that ended the session
     */
    public ApiResult<Job> attach(String jobId) {
        return attach(jobId, 0);
    }

    /**
     * Attaches to a job and runs it to its end, blocking, handing over only the checkpoints after
     * {@code afterSequence}.
     *
     * @param jobId the job
     * @param afterSequence the last sequence already seen (0 for all)
     * @return the job as it finally stopped, or the failure that ended the session
     */
    public ApiResult<Job> attach(String jobId, long afterSequence) {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must be >= 0");
        }
        claim();
        return follow(jobId, afterSequence);
    }

    /**
     * {@link #start} on a new thread; the handlers run on it.
     *
     * @param input the job to start
     * @return a future of the final job or the failure
     */
    public CompletableFuture<ApiResult<Job>> startAsync(StartJobInput input) {
        return onThread(() -> start(input));
    }

    /**
     * {@link #attach(String, long)} on a new thread; the handlers run on it.
     *
     * @param jobId the job
     * @param afterSequence the last sequence already seen (0 for all)
     * @return a future of the final job or the failure
     */
    public CompletableFuture<ApiResult<Job>> attachAsync(String jobId, long afterSequence) {
        return onThread(() -> attach(jobId, afterSequence));
    }

    private CompletableFuture<ApiResult<Job>> onThread(java.util.function.Supplier<ApiResult<Job>> run) {
        CompletableFuture<ApiResult<Job>> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(run.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "perstack-job-session");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private synchronized void claim() {
        if (used) {
            throw new IllegalStateException("a job session runs one job once; build another");
        }
        used = true;
    }

    private RequestOptions options() {
        RequestOptions.Builder b = RequestOptions.builder();
        if (signal != null) {
            b.signal(signal);
        }
        return b.build();
    }

    private ApiResult<Job> follow(String id, long after) {
        this.jobId = id;
        this.lastSequence = after;
        while (true) {
            Activity.InteractiveTool question = null;
            StreamRequestOptions.Builder streamOptions = StreamRequestOptions.builder();
            if (signal != null) {
                streamOptions.signal(signal);
            }
            if (lastSequence > 0) {
                streamOptions.header("Last-Event-ID", Long.toString(lastSequence));
            }
            try (CheckpointStream stream = jobs.checkpoints().stream(id, streamOptions.build())) {
                for (ApiResult<Checkpoint> result : stream) {
                    if (!result.ok()) {
                        return ApiResult.failure(result.error());
                    }
                    Checkpoint checkpoint = result.data();
                    lastSequence = checkpoint.sequence();
                    question = checkpoint.activity() instanceof Activity.InteractiveTool ask ? ask : null;
                    onCheckpoint.accept(checkpoint);
                }
            }
            ApiResult<JobResponse> current = jobs.get(id, options()).join();
            if (!current.ok()) {
                return ApiResult.failure(current.error());
            }
            Job job = current.data().data().job();
            if (!JobStatus.STOPPED_BY_INTERACTIVE_TOOL.equals(job.status())) {
                return ApiResult.success(job);
            }
            if (question == null) {
                // Attached after the question was asked: it is the job's newest checkpoint.
                ApiResult<Optional<Activity.InteractiveTool>> asked = newestQuestion(id);
                if (!asked.ok()) {
                    return ApiResult.failure(asked.error());
                }
                question = asked.data().orElse(null);
            }
            pendingQuestion = question;
            ContinueJobInput answer = question == null ? null : onInteractiveTool.apply(question);
            if (answer == null) {
                return ApiResult.success(job);
            }
            ApiResult<JobResponse> continued = jobs.continueJob(id, answer, options()).join();
            if (!continued.ok()) {
                return ApiResult.failure(continued.error());
            }
            pendingQuestion = null;
        }
    }

    private ApiResult<Optional<Activity.InteractiveTool>> newestQuestion(String id) {
        return jobs.checkpoints().list(id, new ListCheckpointsParams(1, null, "sequence", "desc"), options()).join()
                .map(r -> r.data().checkpoints().stream().findFirst()
                        .map(Checkpoint::activity)
                        .filter(Activity.InteractiveTool.class::isInstance)
                        .map(Activity.InteractiveTool.class::cast));
    }

    /** Builds a {@link JobSession}. */
    public static final class Builder {
        private final AsyncJobsApi jobs;
        private Consumer<Checkpoint> onCheckpoint = checkpoint -> { };
        private Function<Activity.InteractiveTool, ContinueJobInput> onInteractiveTool = question -> null;
        private AbortSignal signal;

        private Builder(AsyncJobsApi jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
        }

        /**
         * Receives each checkpoint, once, in sequence order.
         *
         * @param onCheckpoint the handler
         * @return this builder
         */
        public Builder onCheckpoint(Consumer<Checkpoint> onCheckpoint) {
            this.onCheckpoint = Objects.requireNonNull(onCheckpoint, "onCheckpoint");
            return this;
        }

        /**
         * Decides how to continue a job that stopped at an interactive tool: the input to continue
         * it with, or null to end the session with the job waiting.
         *
         * @param onInteractiveTool the handler
         * @return this builder
         */
        public Builder onInteractiveTool(Function<Activity.InteractiveTool, ContinueJobInput> onInteractiveTool) {
            this.onInteractiveTool = Objects.requireNonNull(onInteractiveTool, "onInteractiveTool");
            return this;
        }

        /**
         * Answers each interactive tool call with the text {@code answer} returns (null ends the
         * session with the job waiting); shorthand for {@link #onInteractiveTool} with
         * {@link ContinueJobInput#answer(String)}.
         *
         * @param answer gives the answer to a question
         * @return this builder
         */
        public Builder answer(Function<Activity.InteractiveTool, String> answer) {
            Objects.requireNonNull(answer, "answer");
            return onInteractiveTool(question -> {
                String text = answer.apply(question);
                return text == null ? null : ContinueJobInput.answer(text);
            });
        }

        /**
         * Ends the session when {@code signal} fires.
         *
         * @param signal the abort signal
         * @return this builder
         */
        public Builder signal(AbortSignal signal) {
            this.signal = signal;
            return this;
        }

        /** {@return the session} */
        public JobSession build() {
            return new JobSession(this);
        }
    }
}
