package ai.perstack.client;

/** The caller may read but not write the resource (403), e.g. another organization's public expert scope. */
public class PermissionDeniedException extends PerstackException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code error}.
     *
     * @param error the error this exception carries
     */
    public PermissionDeniedException(ApiError error) {
        super(error);
    }
}
