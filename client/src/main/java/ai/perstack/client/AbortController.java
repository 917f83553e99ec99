package ai.perstack.client;

/**
 * Cancels calls, like the web platform's {@code AbortController}: pass {@link #signal()} in
 * {@link RequestOptions} and call {@link #abort()} from any thread. An aborted call returns an
 * {@link ApiResult.Err} whose error has {@code aborted == true}; a call started with an already
 * aborted signal never reaches the network.
 *
 * <pre>{@code
 * AbortController controller = new AbortController();
 * scheduler.schedule(controller::abort, 5, TimeUnit.SECONDS);
 * ApiResult<JobResponse> r = client.jobs().start(input, RequestOptions.builder().signal(controller.signal()).build());
 * }</pre>
 */
public final class AbortController {
    private final AbortSignal signal = new AbortSignal();

    /** Creates a controller whose signal has not fired. */
    public AbortController() {
    }

    /** {@return the signal to pass to calls} */
    public AbortSignal signal() {
        return signal;
    }

    /** Fires the signal; later calls are no-ops. */
    public void abort() {
        signal.fire(null);
    }

    /**
     * Fires the signal with a reason that appears in the resulting errors.
     *
     * @param reason why; becomes part of the resulting errors' messages
     */
    public void abort(String reason) {
        signal.fire(reason);
    }
}
