package ai.perstack.cli;

import ai.perstack.client.PerstackException;
import ai.perstack.server.Version;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code perstack} command. */
@Command(name = "perstack", mixinStandardHelpOptions = true, versionProvider = PerstackCli.VersionProvider.class,
        description = {"Perstack for Java: the API from the command line, and a local platform to run it against.", ""},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
                "Connection: API commands read PERSTACK_BASE_URL and PERSTACK_API_KEY (or --base-url, --api-key).",
                "Output:     tables by default; -o json prints the exact API response, -o id only identifiers.",
                "Exit codes: 0 ok, 1 API error, 2 usage error, 3 a followed job ended unsuccessfully.",
                "",
                "Examples:",
                "  perstack demo                  # a job from start to finish on an in-process platform",
                "  perstack run --provider mock triage 'Sort the new reports'   # an expert of ./perstack.toml",
                "  perstack serve                 # the local platform on http://127.0.0.1:8080",
                "  perstack apps list -o json",
                "  perstack jobs start --app APP_ID --expert @local/greeter --provider mock -q 'Hello' --follow",
                "  perstack help jobs start"})
public final class PerstackCli {
    /** The top-level commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, RunCommand.class, AppsCommand.class,
            EnvCommand.class, JobsCommand.class, CheckpointsCommand.class, ExpertsCommand.class, ServeCommand.class,
            AdminCommand.class, HelpCommand.class);
    private static final Set<String> VERSION_OPTIONS = Set.of("-V", "--version");

    private final Io io;

    private PerstackCli(Io io) {
        this.io = io;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command line, e.g. {@code serve --port 0}
     */
    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /**
     * Runs the command line against the process's streams and environment.
     *
     * @param args the command line, e.g. {@code serve --port 0}
     * @return the exit code: 0 ok, 1 API error, 2 usage error, 3 a followed job ended unsuccessfully
     */
    public static int run(String... args) {
        return run(Io.system(), args);
    }

    /**
     * Runs the command line against {@code io}: its streams, environment and terminal (tests pass their own).
     *
     * @param io   where to read and write
     * @param args the command line
     * @return the exit code: 0 ok, 1 API error, 2 usage error, 3 a followed job ended unsuccessfully
     */
    public static int run(Io io, String... args) {
        CommandLine cli = commandLine(io, args);
        int code = cli.execute(args);
        io.out().flush();
        io.err().flush();
        return code;
    }

    /** The whole command line, every command included (what the help and the tests of every command see). */
    static CommandLine commandLine(Io io) {
        return commandLine(io, new String[0]);
    }

    /**
     * The command line {@code args} need. Picocli builds the model of each command it is given by reflection,
     * which for all of ours takes most of a short command's start (every option of every command and the client
     * types they name), so a line that names one command gets only that one; {@code --version} gets none; anything
     * else (no command, root help, {@code help}, a mistyped name) gets all, so usage and suggestions are complete.
     */
    static CommandLine commandLine(Io io, String[] args) {
        CommandLine cli = new CommandLine(new PerstackCli(io));
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        // Settings below reach the commands added so far, so they come after.
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpWidth(110);
        cli.setUsageHelpAutoWidth(io.terminal());
        cli.setParameterExceptionHandler(PerstackCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> failure(e, commandLine, io));
        return cli;
    }

    private static List<Class<?>> commandsFor(String[] args) {
        if (args.length == 1 && VERSION_OPTIONS.contains(args[0])) {
            return List.of();
        }
        if (args.length > 0 && !"help".equals(args[0])) {
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation.name().equals(args[0]) || Arrays.asList(annotation.aliases()).contains(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    /** The streams of the command line {@code spec} belongs to. */
    static Io io(CommandSpec spec) {
        return ((PerstackCli) spec.root().userObject()).io;
    }

    /** A wrong command line: one line saying what is wrong, and where to read more. Exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        // A mistyped command or option: picocli's "Did you mean" line, from the names the command line knows.
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        if (e.getMessage() != null && e.getMessage().startsWith("Missing required subcommand")) {
            err.println();
            cmd.usage(err);
        } else {
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** An exception out of a command: one clear line, and the exit code its kind means. */
    private static int failure(Exception e, CommandLine cmd, Io io) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else if (e instanceof PerstackException pe) {
            err.println(Output.errorLine(pe.error()));
            code = ExitCodes.of(pe.error());
        } else if (e instanceof IllegalArgumentException) {
            // Builders of inputs reject missing or invalid values before anything is sent.
            err.println("error: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else {
            err.println("error: " + e);
            if (io.getenv("PERSTACK_DEBUG") != null) {
                e.printStackTrace(err);
            }
            code = ExitCodes.API_ERROR;
        }
        err.flush();
        return code;
    }

    /** Prints the version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"perstack " + Version.VALUE};
        }
    }
}
