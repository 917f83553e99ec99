package ai.perstack.client;

/** The resource does not exist or belongs to another organization (404). */
public class NotFoundException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code error}. */
    public NotFoundException(ApiError error) {
        super(error);
    }
}
