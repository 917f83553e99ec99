package ai.perstack.server.skills;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code mcpStdioSkill}: a process started with {@code command} and its arguments, spoken to
 * over stdin/stdout. Exactly one of {@code packageName} and non-empty {@code args} is set.
 */
public record StdioSkillSpec(String name, String description, String rule, String command, String packageName,
                             List<String> args, List<String> pick, List<String> omit, List<String> requiredEnv,
                             boolean lazyInit) implements SkillSpec {
    /** The key core gives its base skill. */
    public static final String BASE = "@perstack/base";

    public StdioSkillSpec {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("skill name must not be empty");
        }
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("skill " + name + ": command must not be empty");
        }
        args = args == null ? List.of() : List.copyOf(args);
        pick = pick == null ? List.of() : List.copyOf(pick);
        omit = omit == null ? List.of() : List.copyOf(omit);
        requiredEnv = requiredEnv == null ? List.of() : List.copyOf(requiredEnv);
        boolean hasPackage = packageName != null && !packageName.isEmpty();
        if (hasPackage == !args.isEmpty()) {
            throw new IllegalArgumentException("skill " + name + (hasPackage
                    ? ": must not have both packageName and args" : ": has no packageName or args"));
        }
    }

    /** Core's default base skill: {@code npx -y @perstack/base}. */
    public static StdioSkillSpec defaultBase() {
        return new StdioSkillSpec(BASE, "Base skill", null, "npx", null, List.of("-y", BASE), List.of(), List.of(),
                List.of(), false);
    }

    /**
     * The arguments after the command, as core builds them: {@code args} when given, else the
     * package name; for {@code npx}, {@code -y} goes first when it is missing.
     */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(args.isEmpty() ? List.of(packageName) : args);
        if (command.equals("npx") && !argv.contains("-y")) {
            argv.add(0, "-y");
        }
        return List.copyOf(argv);
    }

    /**
     * Whether this is core's base skill with no pinned version, which the runtime serves
     * in-process instead of spawning: key {@code @perstack/base}, command {@code npx}, and the
     * package {@code @perstack/base} without a version.
     */
    public boolean isBuiltinBase() {
        if (!name.equals(BASE) || !command.equals("npx")) {
            return false;
        }
        if (packageName != null && !packageName.isEmpty()) {
            return packageName.equals(BASE);
        }
        return args.contains(BASE) && args.stream().noneMatch(a -> a.startsWith(BASE + "@"))
                && args.stream().allMatch(a -> a.equals(BASE) || a.equals("-y") || a.equals("--yes"));
    }
}
