package ai.perstack.server.skills;

import java.util.List;
import java.util.Set;

/**
 * The operator's rule for what starts processes on the platform's host: stdio skills and the
 * built-in base skill's {@code exec}. None may start, any may, or only those whose command is
 * in a list. The built-in base skill itself starts no process and is always allowed; its
 * {@code exec} answers the rule as a tool error (a model or a query cannot route around it).
 */
public record StdioPolicy(Mode mode, Set<String> commands) {
    /** What the policy allows. */
    public enum Mode { NONE, ANY, LISTED }

    /** No stdio skill may start. */
    public static final StdioPolicy NONE = new StdioPolicy(Mode.NONE, Set.of());
    /** Any stdio skill may start. */
    public static final StdioPolicy ANY = new StdioPolicy(Mode.ANY, Set.of());

    public StdioPolicy {
        commands = Set.copyOf(commands);
    }

    /** Only stdio skills whose command is one of {@code commands}. */
    public static StdioPolicy only(List<String> commands) {
        return new StdioPolicy(Mode.LISTED, Set.copyOf(commands));
    }

    /** Why the skill may not start, or null when it may. */
    public String refusal(StdioSkillSpec spec) {
        return switch (mode) {
            case ANY -> null;
            case NONE -> "stdio skills are not allowed on this server (serve --stdio-skills)";
            case LISTED -> commandRefusal(spec.command());
        };
    }

    /** Why the base skill's {@code exec} may not run {@code command}, or null when it may. */
    public String execRefusal(String command) {
        return switch (mode) {
            case ANY -> null;
            case NONE -> "exec is not allowed on this server: it starts no processes (serve --stdio-skills)";
            case LISTED -> commandRefusal(command);
        };
    }

    private String commandRefusal(String command) {
        return commands.contains(command) ? null
                : "command " + command + " is not allowed on this server (allowed: "
                + String.join(", ", commands.stream().sorted().toList()) + ")";
    }
}
