package ai.perstack.client;

/** The resource does not exist or belongs to another organization (404). */
public class NotFoundException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
