package ai.perstack.client;

/** The call was aborted by the caller's signal or ended by a request or stream-idle timeout (code 0, {@code aborted} true). */
public class AbortedException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public AbortedException(ApiError error) {
        super(error);
    }
}
