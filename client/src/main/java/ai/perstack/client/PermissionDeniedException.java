package ai.perstack.client;

/** The caller may read but not write the resource (403), e.g. another organization's public expert scope. */
public class PermissionDeniedException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /** Wraps {@code error}. */
    public PermissionDeniedException(ApiError error) {
        super(error);
    }
}
