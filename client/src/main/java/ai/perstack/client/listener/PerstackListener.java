package ai.perstack.client.listener;

import ai.perstack.client.ApiError;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.JobStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * Observes what a client does, for metrics, tracing and logs: each call's start and end, each
 * retry, and each checkpoint stream's connects, reconnects, checkpoints and end. Register one with
 * {@code ApiClientConfig.builder().listener(...)}; every method has a no-op default.
 *
 * <p>Methods are called on the thread that does the work (the caller's for a blocking call, an
 * HTTP or timer thread otherwise), so they must be quick and thread-safe. An exception thrown by
 * a listener is logged and ignored: observing never changes a call's outcome. Events name paths
 * by their template ({@code /api/v1/jobs/{jobId}}), never by ids, so they can be used as
 * low-cardinality tags; no event carries the API key, a header value other than the request id,
 * or a body other than the checkpoint a stream yielded.
 */
public interface PerstackListener {

    /**
     * A call is about to send its first attempt.
     *
     * @param event the call
     */
    default void onCallStart(CallStart event) {
    }

    /**
     * A call has completed, successfully or not; exactly once per {@link #onCallStart}.
     *
     * @param event the call and its outcome
     */
    default void onCallEnd(CallEnd event) {
    }

    /**
     * A call will be retried after {@code event.delay()}.
     *
     * @param event the retry
     */
    default void onRetry(Retry event) {
    }

    /**
     * A checkpoint stream is connecting (the first time, or again after a failure).
     *
     * @param event the connect
     */
    default void onStreamConnect(StreamConnect event) {
    }

    /**
     * A checkpoint stream lost its connection and will reconnect after {@code event.delay()}.
     *
     * @param event the reconnect
     */
    default void onStreamReconnect(StreamReconnect event) {
    }

    /**
     * A checkpoint stream yielded a checkpoint (each one once, also across reconnects).
     *
     * @param event the checkpoint
     */
    default void onStreamCheckpoint(StreamCheckpoint event) {
    }

    /**
     * A checkpoint stream ended: with the server's {@code done} event, an error, or a close.
     *
     * @param event how it ended
     */
    default void onStreamDone(StreamDone event) {
    }

    /**
     * A call begins.
     *
     * @param callId       identifies the call across its events within this client
     * @param method       GET, POST or DELETE
     * @param pathTemplate the path with parameters as placeholders, e.g. {@code /api/v1/jobs/{jobId}}
     */
    record CallStart(long callId, String method, String pathTemplate) {
    }

    /**
     * A call ended.
     *
     * @param callId       the id of its {@link CallStart}
     * @param method       GET, POST or DELETE
     * @param pathTemplate the path template
     * @param status       the HTTP status of the last response, 0 when none arrived
     * @param duration     from the start to the end, retries and backoffs included
     * @param attempt      the number of the last attempt, 0 for the first
     * @param requestId    the last response's {@code Request-Id}, if any
     * @param error        why the call failed; empty on success
     */
    record CallEnd(long callId, String method, String pathTemplate, int status, Duration duration, int attempt,
                   Optional<String> requestId, Optional<ApiError> error) {

        /** {@return true when the call succeeded} */
        public boolean ok() {
            return error.isEmpty();
        }
    }

    /**
     * A retry was scheduled.
     *
     * @param callId       the id of the call's {@link CallStart}
     * @param method       GET, POST or DELETE
     * @param pathTemplate the path template
     * @param attempt      the number of the attempt that will be made, 1 for the first retry
     * @param delay        the wait before it
     * @param status       the status of the failed attempt, 0 for a network failure
     */
    record Retry(long callId, String method, String pathTemplate, int attempt, Duration delay, int status) {
    }

    /**
     * A stream connects.
     *
     * @param jobId     the job
     * @param attempt   0 for the first connect, then the number of the reconnect
     * @param afterSequence the stream asks for checkpoints after this sequence ({@code Last-Event-ID}), 0 for all
     */
    record StreamConnect(String jobId, int attempt, long afterSequence) {
    }

    /**
     * A stream will reconnect.
     *
     * @param jobId   the job
     * @param attempt the number of the reconnect, 1 for the first in a row
     * @param delay   the wait before it
     * @param cause   what ended the connection
     */
    record StreamReconnect(String jobId, int attempt, Duration delay, ApiError cause) {
    }

    /**
     * A stream yielded a checkpoint.
     *
     * @param jobId      the job
     * @param checkpoint the checkpoint
     */
    record StreamCheckpoint(String jobId, Checkpoint checkpoint) {
    }

    /**
     * A stream ended.
     *
     * @param jobId  the job
     * @param status the job status from the {@code done} event, if it ended with one
     * @param error  why it failed, if it did; both empty when it was closed
     */
    record StreamDone(String jobId, Optional<JobStatus> status, Optional<ApiError> error) {
    }
}
