package ai.perstack.client.internal;

/** Thrown while reading a response body that does not match the contract. */
public final class InvalidResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    /** A field at {@code field} (a JSON path) broke {@code problem}. */
    public InvalidResponseException(String field, String problem) {
        super(field + " " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
    }

    /** The JSON path of the offending field. */
    public String field() {
        return field;
    }

    /** What was wrong with it. */
    public String problem() {
        return problem;
    }
}
