package ai.perstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

    private static List<List<String>> allCommands() {
        List<List<String>> paths = new ArrayList<>();
        collect(PerstackCli.commandLine(Io.of(System.out, System.err, System.in, Map.of())), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, into);
            }
        });
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        List<List<String>> commands = allCommands();
        assertThat(commands).hasSizeGreaterThan(45);
        Cli cli = new Cli(Map.of());
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli.Result r = cli.run(args.toArray(String[]::new));
            assertThat(r.code()).as("%s", args).isZero();
            assertThat(r.out()).as("%s", args).startsWith("Usage: perstack").contains("Example");
        }
    }

    @Test
    void theCommandsCoverEveryCallOfTheClient() {
        assertThat(allCommands()).extracting(p -> String.join(" ", p)).contains(
                "apps list", "apps get", "apps create", "apps update", "apps delete",
                "env secrets list", "env secrets get", "env secrets create", "env secrets update", "env secrets delete",
                "env variables list", "env variables get", "env variables create", "env variables update", "env variables delete",
                "jobs start", "jobs list", "jobs get", "jobs pause", "jobs resume", "jobs continue", "jobs cancel",
                "checkpoints list", "checkpoints get", "checkpoints stream",
                "experts list", "experts get", "experts meta", "experts publish", "experts unpublish", "experts yank",
                "experts versions", "experts drafts create", "experts drafts list", "experts drafts get",
                "experts drafts update", "experts drafts delete", "experts drafts assign-version",
                "demo", "serve", "admin create-key");
    }

    @Test
    void versionAndTopLevelHelp() {
        Cli cli = new Cli(Map.of());
        assertThat(cli.run("--version").out()).startsWith("perstack ");
        Cli.Result help = cli.run("--help");
        assertThat(help.out()).contains("demo", "apps", "env", "jobs", "checkpoints", "experts", "serve", "admin",
                "Exit codes: 0 ok, 1 API error, 2 usage error, 3 a followed job ended unsuccessfully.");
        Cli.Result nothing = cli.run();
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("Missing required subcommand");
    }

    @Test
    void aLineNamingOneCommandGetsOnlyThatCommandAndEveryOtherLineGetsAll() {
        Io io = Io.of(System.out, System.err, System.in, Map.of());
        assertThat(PerstackCli.commandLine(io, new String[] {"jobs", "list"}).getSubcommands()).containsOnlyKeys("jobs");
        assertThat(PerstackCli.commandLine(io, new String[] {"--version"}).getSubcommands()).isEmpty();
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "jobs"},
                new String[] {"jobz"}, new String[] {"--version", "jobs"})) {
            assertThat(PerstackCli.commandLine(io, args).getSubcommands()).as("%s", List.of(args))
                    .containsKeys("demo", "run", "apps", "env", "jobs", "checkpoints", "experts", "serve", "admin", "help");
        }
    }

    @Test
    void helpOfACommandAndAMistypedNameStillWork() {
        Cli cli = new Cli(Map.of());
        Cli.Result help = cli.run("help", "jobs", "start");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: perstack jobs start");
        Cli.Result typo = cli.run("jobz", "list");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("jobz").contains("jobs");
        Cli.Result unknown = cli.run("help", "jobs", "strat");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown command: 'jobs strat'");
    }
}
