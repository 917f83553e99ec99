package ai.perstack.cli;

/** A command line that cannot be run as given; {@code perstack} prints its message and exits with 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
