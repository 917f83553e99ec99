package ai.perstack.server.skills;

/** A skill's session broke: its process died, it overflowed, or it stopped answering. */
final class SkillFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SkillFailure(String message) {
        super(message, null, false, false);
    }
}
