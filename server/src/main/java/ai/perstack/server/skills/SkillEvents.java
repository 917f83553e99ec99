package ai.perstack.server.skills;

/**
 * What the skills report while they run, for the job's log or events (core's runtime events
 * {@code skillStarting}, {@code skillConnected}, {@code skillStderr}, {@code skillDisconnected}).
 * Every method has a no-op default.
 */
public interface SkillEvents {
    /** Ignores everything. */
    SkillEvents NONE = new SkillEvents() {
    };

    /** A stdio skill's process is starting. */
    default void starting(String skillName, String command, java.util.List<String> args) {
    }

    /** A skill is connected and its tools are listed. */
    default void connected(String skillName, String serverName, String serverVersion, long durationMillis) {
    }

    /** One line a stdio skill wrote to stderr (cut at 8 KiB). */
    default void stderr(String skillName, String line) {
    }

    /** A skill's session was closed or lost. */
    default void disconnected(String skillName, String reason) {
    }
}
