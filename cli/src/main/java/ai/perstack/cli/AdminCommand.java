package ai.perstack.cli;

import ai.perstack.server.Admin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code perstack admin}: offline administration of a local platform's store. */
@Command(name = "admin", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Administer a local platform's store (works while the server runs).",
        subcommands = AdminCommand.CreateKey.class,
        footerHeading = "%nExample:%n", footer = "  perstack admin create-key --data-dir .perstack --org acme")
final class AdminCommand {

    /** {@code perstack admin create-key}: prints a new API key for an organization. */
    @Command(name = "create-key", mixinStandardHelpOptions = true,
            description = "Create an API key for an organization (created if needed) and print it.",
            footerHeading = "%nExamples:%n",
            footer = {"  perstack admin create-key --org acme", "  export PERSTACK_API_KEY=$(perstack admin create-key --data-dir .perstack --org local)"})
    static final class CreateKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", defaultValue = ".perstack", description = "Data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--database-url", description = "jdbc:postgresql://… (default: env PERSTACK_DATABASE_URL, else H2 in the data directory).")
        String databaseUrl;

        @Option(names = "--org", required = true, description = "Organization name.")
        String organization;

        @Override
        public Integer call() {
            Io io = PerstackCli.io(spec);
            String url = databaseUrl != null ? databaseUrl : io.getenv("PERSTACK_DATABASE_URL");
            io.out().println(Admin.createApiKey(dataDir, url == null || url.isBlank() ? null : url, organization));
            return 0;
        }
    }
}
