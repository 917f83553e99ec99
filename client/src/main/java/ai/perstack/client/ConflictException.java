package ai.perstack.client;

/** The request conflicts with the resource's state (409): a duplicate name, an existing version or an illegal state transition. */
public class ConflictException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public ConflictException(ApiError error) {
        super(error);
    }
}
