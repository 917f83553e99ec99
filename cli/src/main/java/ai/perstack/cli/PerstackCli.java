package ai.perstack.cli;

import ai.perstack.server.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code perstack} command. */
@Command(name = "perstack", mixinStandardHelpOptions = true, versionProvider = PerstackCli.VersionProvider.class,
        description = "Perstack for Java: the local platform and its tools.",
        subcommands = {ServeCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class PerstackCli {

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the command line, e.g. {@code serve --port 0}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line.
     *
     * @param args the command line, e.g. {@code serve --port 0}
     * @return the exit code: 0 on success, 1 when the command failed, 2 for a usage error
     */
    public static int run(String... args) {
        return new CommandLine(new PerstackCli()).execute(args);
    }

    /** Prints the platform version. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"perstack " + Version.VALUE};
        }
    }
}
