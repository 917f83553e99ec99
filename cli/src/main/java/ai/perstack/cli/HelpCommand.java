package ai.perstack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Parameters;

/**
 * {@code perstack help [COMMAND...]}: the help of any command, however deep ({@code help jobs start}); picocli's
 * own help command looks up one name only, so it would show {@code jobs} there.
 */
@Command(name = "help", helpCommand = true, synopsisHeading = "%nUsage: ",
        description = "Show the help of a command, e.g. 'perstack help jobs start'.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its subcommands, as typed.")
    private List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "Unknown command: '" + String.join(" ", path)
                        + "' (see 'perstack --help' for the commands)");
            }
            target = sub;
        }
        target.usage(out, colors);
    }
}
